/** Vendor-shaped test data for the benchmarks, from a seeded generator, with varied shapes so nothing is tuned to one. */

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

const RISET = ['200', '400', '401', '403', '411', '412', '413', '415', '416', '451', '452', '455', '490', '500', '604', '611'];
const FACEKI = ['1', '400', '500', '5001', '5004', '5010', '5014', '8004', '8009', '8024'];
const AILAB = ['ERROR_NO_FACE_IN_FILE', 'ERROR_BLURRY_FACE', 'ERROR_INVALID_URL', 'FILE_SIZE_EXCEEDS_LIMIT', 'AI_SERVICE_TIMEOUT'];
const HTTP = ['200', '201', '204', '301', '304', '400', '401', '403', '404', '409', '422', '429', '500', '502', '503', '504'];
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];

/** A JSON array of vendor responses, about `bytes` long, one object per line. */
export function vendorJson(bytes: number, seed = 1): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 2;
  while (size < bytes) {
    let o: string;
    switch (Math.floor(r() * 4)) {
      case 0:
        o = JSON.stringify({ facegallery_id: `g-${Math.floor(r() * 1e6)}`, trx_id: `t${Math.floor(r() * 1e9)}`, status: pick(r, RISET), status_message: pick(r, WORDS), width: Math.floor(r() * 2000) });
        break;
      case 1:
        o = JSON.stringify({ code: Number(pick(r, FACEKI)), message: `${pick(r, WORDS)} ${pick(r, WORDS)}`, data: { score: r(), tags: [pick(r, WORDS), pick(r, WORDS)] } });
        break;
      case 2:
        o = JSON.stringify({ request_id: `r${Math.floor(r() * 1e9)}`, log_id: `l${Math.floor(r() * 1e9)}`, error_code: 422, error_detail: { code: pick(r, AILAB), code_message: pick(r, WORDS), message: 'x'.repeat(Math.floor(r() * 80)) } });
        break;
      default:
        o = JSON.stringify({ statusCode: Number(pick(r, HTTP)), path: `/v1/${pick(r, WORDS)}/${Math.floor(r() * 1000)}`, latency: Math.floor(r() * 900), port: 8080 });
    }
    parts.push(o);
    size += o.length + 2;
  }
  return '[\n' + parts.join(',\n') + '\n]\n';
}

/** A log of about `bytes`: key=value lines, access-log lines, JSON fragments; codes per line and line length vary. */
export function vendorLog(bytes: number, seed = 1): string {
  const r = rng(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const ts = `2026-11-02T10:${String(Math.floor(r() * 60)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}Z`;
    let line: string;
    switch (Math.floor(r() * 5)) {
      case 0:
        line = `${ts} INFO gateway upstream=${pick(r, WORDS)} latency=${Math.floor(r() * 900)}ms upstream_status=${pick(r, HTTP)} trx_id=t-${Math.floor(r() * 1e6)}`;
        break;
      case 1:
        line = `${ts} WARN kyc facegallery_id=g-${Math.floor(r() * 1e4)} status=${pick(r, RISET)} msg="${pick(r, WORDS)} ${pick(r, WORDS)}"`;
        break;
      case 2:
        line = `10.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)} - - [02/Nov/2026:10:00:04 +0000] "GET /v1/${pick(r, WORDS)} HTTP/1.1" ${pick(r, HTTP)} ${Math.floor(r() * 99999)} "-" "curl/8.5"`;
        break;
      case 3:
        line = `${ts} ERROR ailab error_code=${pick(r, AILAB)} log_id=l-${Math.floor(r() * 1e6)} {"status": "${pick(r, RISET)}", "status_message": "${pick(r, WORDS)}"}`;
        break;
      default:
        line = `${ts} INFO worker pid=${Math.floor(r() * 99999)} elapsed=${Math.floor(r() * 999)}ms ${pick(r, WORDS).repeat(1 + Math.floor(r() * 8))}`;
    }
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}
