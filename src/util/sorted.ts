/** First index k in [from, to) with sorted[k] >= value, or `to` (`sorted` ascending within that run). */
export function lowerBound(sorted: ArrayLike<number>, value: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The indices 0..keys.length-1 ordered by key, equal keys in index order. */
export function orderByKey(keys: ArrayLike<number>): Int32Array {
  const order = new Int32Array(keys.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((a, b) => keys[a]! - keys[b]! || a - b);
}
