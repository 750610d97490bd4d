/** One structured log record; never tokens, bodies, query strings or personal data. */
export type LogRecord = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>;
export type Logger = (record: LogRecord) => void;

/** JSON lines on stdout (info) and stderr (warn, error), with a timestamp. */
export const jsonLogger: Logger = (record) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...record });
  if (record.level === 'info') process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
};

export const silentLogger: Logger = () => {};
