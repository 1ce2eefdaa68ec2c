/** A rectangle path with radius `top` on its top corners and `bottom` on its bottom ones. */
export function roundedPath(
	x: number,
	y: number,
	w: number,
	h: number,
	top: number,
	bottom: number
): string {
	const t = Math.max(0, Math.min(top, w / 2, h / 2))
	const b = Math.max(0, Math.min(bottom, w / 2, h / 2))
	return [
		`M ${x + t} ${y}`,
		`H ${x + w - t}`,
		t ? `A ${t} ${t} 0 0 1 ${x + w} ${y + t}` : '',
		`V ${y + h - b}`,
		b ? `A ${b} ${b} 0 0 1 ${x + w - b} ${y + h}` : '',
		`H ${x + b}`,
		b ? `A ${b} ${b} 0 0 1 ${x} ${y + h - b}` : '',
		`V ${y + t}`,
		t ? `A ${t} ${t} 0 0 1 ${x + t} ${y}` : '',
		'Z',
	]
		.filter(Boolean)
		.join(' ')
}
