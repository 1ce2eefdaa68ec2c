import { expect, test } from 'vitest'
import { configFromEnv, defaultConfig, envNames } from '../../sync-server/config'
import { createLogger } from '../../sync-server/log'

test('every setting has an environment variable and a default', () => {
	expect(Object.keys(envNames).sort()).toEqual(Object.keys(defaultConfig).sort())
	expect(configFromEnv({})).toEqual(defaultConfig)
	expect(defaultConfig.port).toBe(8787)
	expect(defaultConfig.dataDir).toBe('./data')
})

test('environment variables override the defaults', () => {
	const config = configFromEnv({
		PORT: '9000',
		DATA_DIR: '/srv/maps',
		MAX_FRAME_BYTES: '1024',
		SQLITE_SYNCHRONOUS: 'full',
	})
	expect(config.port).toBe(9000)
	expect(config.dataDir).toBe('/srv/maps')
	expect(config.maxFrameBytes).toBe(1024)
	expect(config.sqliteSynchronous).toBe('FULL')
})

test('bad values are all named in one error', () => {
	let message = ''
	try {
		configFromEnv({ PORT: '70000', MAX_ROOMS: '0', LOG_LEVEL: 'loud' })
	} catch (error) {
		message = (error as Error).message
	}
	for (const part of ['PORT=70000', 'MAX_ROOMS=0', 'LOG_LEVEL=loud'])
		expect(message).toContain(part)
})

test('logs are one line of JSON each, and silent logs nothing', () => {
	const lines: string[] = []
	const log = createLogger('info', (line) => lines.push(line))
	log.debug('hidden')
	log.info('room loaded', { room: 'abc', ms: 3 })
	log.error('it broke\nbadly')
	expect(lines).toHaveLength(2)
	for (const line of lines) expect(line).not.toContain('\n')
	expect(JSON.parse(lines[0]!)).toMatchObject({
		level: 'info',
		msg: 'room loaded',
		room: 'abc',
		ms: 3,
	})
	const quiet: string[] = []
	createLogger('silent', (line) => quiet.push(line)).error('nothing')
	expect(quiet).toEqual([])
})
