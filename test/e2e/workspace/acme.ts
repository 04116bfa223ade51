// Calls a payment API whose error page the team imports with "Error Codes: Import Vendor Error Page…".
export function declined(resp: { code: number }): boolean {
  return resp.code === 7001;
}
