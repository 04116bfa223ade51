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

const OPS = ['get', 'post', 'put', 'patch', 'delete'];
const RESPONSE_KEYS = ["'200'", "'201'", "'204'", "'400'", "'401'", "'403'", "'404'", "'409'", "'412'", "'422'", "'429'", "'500'", "'503'", '"4XX"', "'5XX'", 'default', '200', '404'];
const PROSE = [
  'Returns the resource. Times out after 30 seconds; retries 3 times on port 8443.',
  'Creates a gallery of up to 1000 faces. Images over 5 MB are rejected since 2024.',
  'See the changelog for version 2 of this endpoint; limits are 100 requests per 60 s.',
  'Deletes the record. A 404 here means it was already gone, which is fine.',
];

/** An OpenAPI 3 description in YAML of about `bytes`: paths with operations and responses maps, then schemas. */
export function openApiYaml(bytes: number, seed = 1): string {
  const r = rng(seed);
  const out: string[] = [
    'openapi: 3.0.3',
    'info:',
    '  title: Bench API # generated',
    '  version: 1.0.0',
    '  description: |',
    '    A generated description used by the benchmark.',
    '    It names 404 and 5004 in prose, which are not codes.',
    'servers:',
    '  - url: https://api.example.com:8443/v1',
    'paths:',
  ];
  let size = out.join('\n').length;
  const schemas: string[] = [];
  for (let p = 0; size < bytes * 0.9; p++) {
    const block: string[] = [`  /v1/${pick(r, WORDS)}/${p}/{id}:`];
    const ops = OPS.filter(() => r() < 0.5);
    for (const op of ops.length ? ops : ['get']) {
      block.push(
        `    ${op}:`,
        `      operationId: ${op}${pick(r, WORDS)}${p}`,
        `      summary: ${pick(r, WORDS)} ${pick(r, WORDS)} ${Math.floor(r() * 100)}`,
        `      description: >-`,
        `        ${pick(r, PROSE)}`,
        `        ${pick(r, PROSE)}`,
        '      parameters:',
        '        - name: id',
        '          in: path',
        '          required: true',
        '          schema: {type: string, maxLength: 64}',
        '        - {name: limit, in: query, schema: {type: integer, default: 50, maximum: 500}}',
        '      responses:',
      );
      const keys = RESPONSE_KEYS.filter(() => r() < 0.3);
      for (const key of keys.length ? keys : ["'200'"]) {
        if (r() < 0.3) block.push(`        ${key}:`, `          $ref: '#/components/responses/R${Math.floor(r() * 50)}'`);
        else {
          block.push(
            `        ${key}:`,
            `          description: ${pick(r, WORDS)} ${pick(r, WORDS)}`,
            '          content:',
            '            application/json:',
            '              schema:',
            `                $ref: '#/components/schemas/S${p}'`,
          );
          if (r() < 0.3) block.push('              example:', `                status: ${pick(r, RISET)}`, `                status_message: ${pick(r, WORDS)}`, `                trx_id: t${Math.floor(r() * 1e6)}`);
          if (r() < 0.2) block.push('              example:', `                code: ${pick(r, FACEKI)}`, `                message: "${pick(r, WORDS)}"`);
        }
      }
    }
    const text = block.join('\n');
    out.push(text);
    size += text.length + 1;
    schemas.push(
      `    S${p}:`,
      '      type: object',
      '      properties:',
      '        error_code:',
      '          type: string',
      `          enum: [${pick(r, AILAB)}, ${pick(r, AILAB)}]`,
      `          example: ${pick(r, AILAB)}`,
      '        timeout_ms: {type: integer, example: 30000}',
    );
  }
  out.push('components:', '  schemas:', ...schemas);
  return out.join('\n') + '\n';
}

/** TypeScript client code of about `bytes`: status checks, switches over codes, object literals, comments. */
export function tsSource(bytes: number, seed = 1): string {
  const r = rng(seed);
  const out: string[] = ["import axios from 'axios';", ''];
  let size = 0;
  for (let f = 0; size < bytes; f++) {
    const block = [
      `/** Calls ${pick(r, WORDS)} and maps its errors; retries ${Math.floor(r() * 5)} times. */`,
      `export async function ${pick(r, WORDS)}${f}(id: string): Promise<number> {`,
      `  const res = await axios.get(\`/v1/${pick(r, WORDS)}/\${id}\`, { timeout: ${Math.floor(r() * 9000)} });`,
      `  if (res.status === ${pick(r, HTTP)}) return ${Math.floor(r() * 100)};`,
      `  const body = { status: '${pick(r, RISET)}', status_message: '${pick(r, WORDS)}', width: ${Math.floor(r() * 2000)} };`,
      '  switch (res.data.code) {',
      `    case ${pick(r, FACEKI)}:`,
      `      throw new Error('${pick(r, AILAB)}');`,
      `    case ${pick(r, FACEKI)}:`,
      '      break;',
      '  }',
      `  // ${pick(r, PROSE)}`,
      `  return body.width > ${Math.floor(r() * 500)} ? res.status : 0;`,
      '}',
      '',
    ].join('\n');
    out.push(block);
    size += block.length + 1;
  }
  return out.join('\n');
}
