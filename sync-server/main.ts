import { configFromEnv } from './config'
import { createRelay } from './createRelay'
import { createLogger } from './log'

/** `npm start`: the relay and the built client on one port, configured by environment variables. */
async function main(): Promise<void> {
	let config
	try {
		config = configFromEnv(process.env)
	} catch (error) {
		createLogger('info').error(error instanceof Error ? error.message : String(error))
		process.exit(1)
	}
	const log = createLogger(config.logLevel)
	let relay
	try {
		relay = await createRelay(config)
	} catch (error) {
		log.error('the relay could not start', {
			error: error instanceof Error ? error.message : String(error),
		})
		process.exit(1)
	}
	let stopping = false
	const stop = (signal: string) => {
		if (stopping) return
		stopping = true
		log.info('stopping: writing every room', { signal })
		relay.close().then(
			() => process.exit(0),
			(error: unknown) => {
				log.error('stopping failed', { error: String(error) })
				process.exit(1)
			}
		)
	}
	process.on('SIGTERM', () => stop('SIGTERM'))
	process.on('SIGINT', () => stop('SIGINT'))
	// A bug must not cost the updates waiting for their batch: write them, then exit for a restart.
	process.on('uncaughtException', (error) => {
		log.error('unexpected error; writing every room and exiting', {
			error: error instanceof Error ? (error.stack ?? error.message) : String(error),
		})
		const force = setTimeout(() => process.exit(1), 5000)
		force.unref()
		relay.close().finally(() => process.exit(1))
	})
}

void main()
