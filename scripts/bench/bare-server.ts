/**
 * The limit: a bare node:http server that reads and parses the request body and answers the same
 * GetParameter-shaped response the emulator would, with the same headers. Nothing else.
 *   node --import tsx scripts/bench/bare-server.ts PORT
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';

const port = Number(process.argv[2] ?? 4590);
const response = JSON.stringify({
  Parameter: {
    ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/bench/app/db-url',
    DataType: 'text',
    LastModifiedDate: 1735689600.123,
    Name: '/bench/app/db-url',
    Type: 'String',
    Value: 'postgres://db.internal:5432/app',
    Version: 1,
  },
});

http
  .createServer((req, res) => {
    if (req.method !== 'POST') return void res.end('ok'); // readiness probe
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, {
        'Content-Type': 'application/x-amz-json-1.1',
        'Content-Length': Buffer.byteLength(response),
        'x-amzn-RequestId': randomUUID(),
      });
      res.end(response);
    });
  })
  .listen(port, '127.0.0.1', () => process.stdout.write(`ready ${port}\n`));
