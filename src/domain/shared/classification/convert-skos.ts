// Converts the SKOS list once; the output is committed as kae-2014.json and checked by
// test/domain/classification.test.ts. Reads Turtle on stdin, writes JSON on stdout:
//   node --import tsx src/domain/classification/convert-skos.ts \
//     < ../shared/data/kae/KAE_OTA_2014.ttl > src/domain/classification/kae-2014.json
import { convertSkos, formatClassificationFile } from './skos.ts';
import { kae2014Source } from './kae2014Source.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
process.stdout.write(formatClassificationFile(convertSkos(Buffer.concat(chunks).toString('utf8'), kae2014Source)));
