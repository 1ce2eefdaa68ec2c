export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
	debug(msg: string, fields?: LogFields): void
	info(msg: string, fields?: LogFields): void
	warn(msg: string, fields?: LogFields): void
	error(msg: string, fields?: LogFields): void
}

/** One line of JSON per event on stdout (`warn` and `error` on stderr), below `level` dropped. */
export function createLogger(
	level: LogLevel,
	write?: (line: string, isError: boolean) => void
): Logger {
	const out =
		write ??
		((line: string, isError: boolean) =>
			(isError ? process.stderr : process.stdout).write(line + '\n'))
	const emit = (at: LogLevel, msg: string, fields?: LogFields) => {
		if (rank[at] < rank[level]) return
		out(
			JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields }),
			rank[at] >= 30
		)
	}
	return {
		debug: (msg, fields) => emit('debug', msg, fields),
		info: (msg, fields) => emit('info', msg, fields),
		warn: (msg, fields) => emit('warn', msg, fields),
		error: (msg, fields) => emit('error', msg, fields),
	}
}
