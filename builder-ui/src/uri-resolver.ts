/**
 * What the build puts in place of fast-uri (builder-ui/vite.config.ts aliases it): @rjsf/utils
 * imports it only to resolve `$ref`s against the `$id`s of a 2019-09 / 2020-12 schema bundle
 * (findSchemaDefinition). The assessment forms the engine derives have no `$id` and no `$ref`, so
 * the platform's URL parser is enough for what could reach here; fast-uri was about 8 kB of the
 * assessor's JavaScript gzip. A reference that is not a URL the platform can resolve is kept as
 * written, as fast-uri keeps an unresolvable one.
 */

function resolve(base: string, reference: string): string {
  try {
    return new URL(reference, base).href;
  } catch {
    return reference;
  }
}

/** Two URIs name the same resource once normalised (case of scheme and host, default ports, dot segments). */
function equal(a: string, b: string): boolean {
  const normal = (uri: string): string => {
    try {
      return new URL(uri).href;
    } catch {
      return uri;
    }
  };
  return normal(a) === normal(b);
}

export default { resolve, equal };
