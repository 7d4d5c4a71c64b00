/** Shown on every screen while the server accepts the published local tokens: anyone who read the README can sign in. */
export function DefaultTokensBanner() {
  return (
    <aside className="security-banner" aria-label="安全警告 Security warning" data-testid="default-tokens-banner">
      <p lang="zh">
        <strong>⚠ 服务器仍接受公开的默认令牌。</strong>任何读过 README 的人都能登录并修改数据。修复：替换 <code>DATA_DIR/tokens.json</code> 中的令牌，或设置
        <code>RUBRIC_TOKENS</code>，然后重启服务器（见 README 的 “Tokens and roles”）。
      </p>
      <p lang="en">
        <strong>⚠ This server still accepts the published default tokens.</strong> Anyone who has read the README can sign in and change data. To fix: replace the
        tokens in <code>DATA_DIR/tokens.json</code> or set <code>RUBRIC_TOKENS</code>, then restart the server (README, “Tokens and roles”).
      </p>
    </aside>
  );
}
