// The benchmark's first ceiling: a bare Node `http` server answering every request with the same
// bytes (the thread page's GraphQL response), to show what Node alone costs on this machine.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);
createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
}).listen(Number(port), '127.0.0.1', () => console.log('listening'));
