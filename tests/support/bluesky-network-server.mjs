/*
 * A local Bluesky network in its own process, as a real one would be: @atproto/dev-env's
 * TestNetwork (PLC directory, PDS and the AppView the PDS asks for notifications) on loopback.
 * Reads DB_POSTGRES_URL and REDIS_HOST; prints one JSON line {"pdsUrl"} when up; on stdin,
 * "settle" waits until the AppView has indexed everything ("settled" answers it).
 */
import devEnv from '@atproto/dev-env';

const { TestNetwork } = devEnv;

(async () => {
  const network = await TestNetwork.create({
    dbPostgresUrl: process.env.DB_POSTGRES_URL,
    dbPostgresSchema: 'vigie',
  });
  process.stdout.write(`${JSON.stringify({ pdsUrl: network.pds.url })}\n`);
  let buffered = '';
  process.stdin.on('data', async (chunk) => {
    buffered += chunk;
    let line;
    while ((line = buffered.indexOf('\n')) >= 0) {
      const command = buffered.slice(0, line).trim();
      buffered = buffered.slice(line + 1);
      if (command === 'settle') {
        await network.processAll();
        process.stdout.write('settled\n');
      }
    }
  });
  process.stdin.on('end', async () => {
    await network.close();
    process.exit(0);
  });
})().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
