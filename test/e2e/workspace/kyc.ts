// A KYC integration calling Faceki, with an Express endpoint in front of it.
import type { Request, Response } from 'express';

interface FacekiResult {
  code: number;
  status: string;
}

export function explain(result: FacekiResult): string {
  switch (result.code) {
    case 5004:
      return 'Ask the user for a new selfie';
    case 5010:
      return 'The document has expired';
    case 5099:
      return 'Unknown';
  }
  if (result.status === 'SELFIE_LIVENESS_FAILD') {
    return 'typo above';
  }
  return 'ok';
}

export function handler(req: Request, res: Response): void {
  const timeout = 5000;
  if (!req.body) {
    res.status(400).json({ error: 'empty body', timeout });
    return;
  }
  res.status(429).send('slow down');
}
