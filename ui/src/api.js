// How the dashboard talks to the emulator: the control API (/_emulator/...) and the SSM JSON API
// (POST / with X-Amz-Target), exactly as a test or the AWS CLI would. The account and region go in
// an unsigned SigV4 Authorization header: the emulator takes the account from a 12-digit access key
// id and the region from the credential scope (it does not verify signatures unless started with
// --verify-signatures, where the dashboard can only read through the control API).

export class ApiError extends Error {
  constructor(code, message, status) {
    super(`${code}: ${message}`);
    this.code = code;
    this.status = status;
  }
}

const qs = (query) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export async function control(path, { method = 'GET', body, query } = {}) {
  const init = { method, headers: {} };
  if (method !== 'GET') {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  const res = await fetch(`/_emulator${path}${qs(query)}`, init);
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(data.error ?? res.status, data.message ?? res.statusText, res.status);
  return data;
}

export async function ssm(scope, operation, input = {}) {
  const res = await fetch('/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AmazonSSM.${operation}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=${scope.account}/20250101/${scope.region}/ssm/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(input),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError((data.__type ?? String(res.status)).split('#').pop(), data.message ?? data.Message ?? '', res.status);
  return data;
}

/** Every page of a paged SSM list, up to `max` items. */
export async function ssmAll(scope, operation, input, key, max = 1000) {
  const out = [];
  let NextToken;
  do {
    const page = await ssm(scope, operation, { ...input, ...(NextToken && { NextToken }) });
    out.push(...(page[key] ?? []));
    NextToken = page.NextToken;
  } while (NextToken && out.length < max);
  return out.slice(0, max);
}
