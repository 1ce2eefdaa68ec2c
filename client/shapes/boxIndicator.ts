/** The selection outline of a rounded box shape. */
export function boxIndicator(w: number, h: number, radius = 10): Path2D {
	const path = new Path2D()
	path.roundRect(0, 0, w, h, radius)
	return path
}
