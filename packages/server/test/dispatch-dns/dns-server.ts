import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

/** What the loopback DNS server answers for a name: IPv4 addresses and a TTL, or silence. */
export type Answer = { readonly a: readonly string[]; readonly ttl: number } | 'silent';

/** A DNS server on 127.0.0.1 (UDP), answering A queries from a table; AAAA get no records. */
export interface DnsServer {
  /** `127.0.0.1:<port>`, for `dns.Resolver#setServers`. */
  readonly address: string;
  /** Queries received, as `name/type` (type 1 = A, 28 = AAAA). */
  readonly queries: string[];
  close(): Promise<void>;
}

/** Starts a minimal RFC 1035 responder: enough for c-ares, nothing more. */
export async function startDnsServer(answers: Record<string, Answer>): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (message, remote) => {
    const { id, name, type, questionEnd } = parseQuery(message);
    queries.push(`${name}/${type}`);
    const answer = answers[name];
    if (answer === 'silent') return;
    const ttl = answer?.ttl ?? 0;
    const records = answer && type === 1 ? answer.a : [];
    const rcode = answer ? 0 : 3; // NXDOMAIN for names not in the table
    const header = Buffer.alloc(12);
    header.writeUInt16BE(id, 0);
    header.writeUInt16BE(0x8180 | rcode, 2); // response, recursion desired+available
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(records.length, 6);
    const rrs = records.map((ip) => {
      const rr = Buffer.alloc(16);
      rr.writeUInt16BE(0xc00c, 0); // pointer to the question's name
      rr.writeUInt16BE(1, 2); // A
      rr.writeUInt16BE(1, 4); // IN
      rr.writeUInt32BE(ttl, 6);
      rr.writeUInt16BE(4, 10);
      for (const [i, octet] of ip.split('.').entries()) rr.writeUInt8(Number(octet), 12 + i);
      return rr;
    });
    socket.send(
      Buffer.concat([header, message.subarray(12, questionEnd), ...rrs]),
      remote.port,
      remote.address,
    );
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    queries,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

function parseQuery(message: Buffer): {
  id: number;
  name: string;
  type: number;
  questionEnd: number;
} {
  const labels: string[] = [];
  let offset = 12;
  for (let length = message.readUInt8(offset); length !== 0; length = message.readUInt8(offset)) {
    labels.push(message.subarray(offset + 1, offset + 1 + length).toString('ascii'));
    offset += length + 1;
  }
  const type = message.readUInt16BE(offset + 1);
  return {
    id: message.readUInt16BE(0),
    name: labels.join('.').toLowerCase(),
    type,
    questionEnd: offset + 5,
  };
}
