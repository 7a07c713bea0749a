// A readable difference between two versions of a text (a convention):
// lines first, then, inside a line that was changed, the words (a run of
// Latin letters or digits) and single characters (Chinese has no spaces:
// each character is its own word). Longest common subsequence, after the
// common start and end are set aside; small on purpose, for texts of a few
// thousand characters.

// The longest common subsequence of a and b (arrays of strings) as
// operations: [' ', x] kept, ['-', x] only in a, ['+', x] only in b.
export function diffSequences(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops = [];
  for (let i = 0; i < start; i++) ops.push([' ', a[i]]);
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const n = x.length;
  const m = y.length;
  if (n * m > 4e6) {
    // Too large to compare piece by piece: the middle is shown replaced.
    for (const s of x) ops.push(['-', s]);
    for (const s of y) ops.push(['+', s]);
  } else {
    // lengths[i][j]: the LCS of x[i..] and y[j..], row by row in one array.
    const w = m + 1;
    const lengths = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * w + j] = x[i] === y[j]
          ? lengths[(i + 1) * w + j + 1] + 1
          : Math.max(lengths[(i + 1) * w + j], lengths[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) {
        ops.push([' ', x[i]]);
        i++;
        j++;
      } else if (lengths[(i + 1) * w + j] >= lengths[i * w + j + 1]) {
        ops.push(['-', x[i++]]);
      } else {
        ops.push(['+', y[j++]]);
      }
    }
    while (i < n) ops.push(['-', x[i++]]);
    while (j < m) ops.push(['+', y[j++]]);
  }
  for (let i = endA; i < a.length; i++) ops.push([' ', a[i]]);
  return ops;
}

export function tokenize(text) {
  return text.match(/[A-Za-z0-9_]+|\s+|[\s\S]/gu) || [];
}

// Joins neighbouring pieces of the same kind: [{ op, text }].
function merge(ops) {
  const out = [];
  for (const [op, text] of ops) {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  }
  return out;
}

// The rows to show: { op: ' ' | '-' | '+', text } for a line kept, removed
// or added whole, and { op: '~', parts: [{ op, text }] } for a line changed
// in place (a removed line paired with the added line in its place).
export function readableDiff(before, after) {
  const lines = diffSequences(before.split('\n'), after.split('\n'));
  const rows = [];
  for (let k = 0; k < lines.length; ) {
    if (lines[k][0] === ' ') {
      rows.push({ op: ' ', text: lines[k][1] });
      k++;
      continue;
    }
    const removed = [];
    const added = [];
    while (k < lines.length && lines[k][0] !== ' ') {
      (lines[k][0] === '-' ? removed : added).push(lines[k][1]);
      k++;
    }
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) {
      const parts = merge(diffSequences(tokenize(removed[i]), tokenize(added[i])));
      // A line rewritten through is clearer as the old line and the new.
      const kept = parts.filter((p) => p.op === ' ').reduce((sum, p) => sum + p.text.trim().length, 0);
      if (kept * 3 < Math.max(removed[i].length, added[i].length)) {
        rows.push({ op: '-', text: removed[i] }, { op: '+', text: added[i] });
      } else {
        rows.push({ op: '~', parts });
      }
    }
    for (let i = paired; i < removed.length; i++) rows.push({ op: '-', text: removed[i] });
    for (let i = paired; i < added.length; i++) rows.push({ op: '+', text: added[i] });
  }
  return rows;
}
