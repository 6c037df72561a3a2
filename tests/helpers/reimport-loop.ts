// Child process for the consistent-reads test: imports two versions of one trial in turn,
// each in its own transaction, until the time is up; prints how many imports it made.
//   tsx tests/helpers/reimport-loop.ts MS FILE_A FILE_B   (DATABASE_URL names the database: SQLite or PostgreSQL)
import { openWriter } from "@/lib/db/writer";
import { importFilesAsync } from "@/lib/import/run-import";

const [ms, ...files] = process.argv.slice(2);
const writer = await openWriter();
const until = Date.now() + Number(ms);
let n = 0;
while (Date.now() < until) {
  const [result] = await importFilesAsync(writer.target, [files[n % files.length]!], {});
  if (!result?.ok) throw new Error(result?.line);
  n++;
}
await writer.close();
console.log(n);
