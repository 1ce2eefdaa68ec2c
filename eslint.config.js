import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{ ignores: ['node_modules', 'dist', 'data', 'test-artifacts', 'client/public'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'@typescript-eslint/no-explicit-any': 'error',
		},
	},
	{
		// shared/ is the pure model: the same code in the browser, the relay and the command line.
		files: ['shared/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['node:*'], message: 'shared/ is pure: no node: imports.' },
						{ group: ['react', 'react-dom', 'react/*'], message: 'shared/ is pure: no React.' },
						{ group: ['tldraw', '@tldraw/*'], message: 'shared/ is pure: no tldraw runtime.' },
						{ group: ['yjs', 'y-*', 'lib0', 'lib0/*'], message: 'shared/ is pure: no Yjs.' },
						{
							group: ['fs', 'path', 'os', 'child_process', 'ws', 'better-sqlite3'],
							message: 'shared/ is pure.',
						},
					],
				},
			],
		},
	}
)
