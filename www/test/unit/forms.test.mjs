// Reading what people type into the committee's forms (src/forms.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { halfWidth, optionLines, parseTrustees, shanghaiParts, shanghaiSeconds, wholeNumber, yuanToFen } from '../../src/forms.js';

test('dates and times are the community\'s (UTC+8)', () => {
  assert.equal(shanghaiSeconds('2026-10-01', '08:00'), Date.UTC(2026, 9, 1, 0, 0) / 1000);
  assert.equal(shanghaiSeconds('2026-10-01'), Date.UTC(2026, 8, 30, 16, 0) / 1000);
  assert.deepEqual(shanghaiParts(Date.UTC(2026, 8, 30, 16, 30) / 1000), { day: '2026-10-01', time: '00:30' });
  for (const [day, time] of [['2026-02-30', '10:00'], ['2026-10-01', '25:00'], ['tomorrow', '10:00'], ['', '']]) {
    assert.equal(shanghaiSeconds(day, time), null, day + ' ' + time);
  }
});

test('yuan as typed become fen, and anything else is refused', () => {
  assert.equal(yuanToFen('1200'), 120000);
  assert.equal(yuanToFen('1,200.5'), 120050);
  assert.equal(yuanToFen('￥ 1 200.05'), 120005);
  assert.equal(yuanToFen('0'), 0);
  for (const bad of ['', '-5', '1.234', 'abc', '1e3']) assert.equal(yuanToFen(bad), null, bad);
  assert.equal(yuanToFen('１２．５'), 1250);
});

test('full-width digits typed on a Chinese keyboard read as numbers', () => {
  assert.equal(halfWidth('１０ 份'), '10 份');
  assert.equal(wholeNumber('１０', 1, 100), 10);
  assert.equal(wholeNumber(' 7 ', 0, 10), 7);
  for (const bad of ['', '-1', '1.5', '１０１', 'abc']) assert.equal(wholeNumber(bad, 0, 100), null, bad);
});

test('trustees are read one a line, as yishi trustee keygen prints their keys', () => {
  const sign = 'a'.repeat(64);
  const box = 'B'.repeat(64);
  assert.deepEqual(parseTrustees(`王 老师 ${sign} ${box}\n\nLi sign_pk ${sign} box_pk ${box}`), [
    { name: '王 老师', sign_pk: sign, box_pk: box.toLowerCase() },
    { name: 'Li', sign_pk: sign, box_pk: box.toLowerCase() },
  ]);
  assert.equal(parseTrustees(''), null);
  assert.equal(parseTrustees(`${sign} ${box}`), null, 'a name is needed');
  assert.equal(parseTrustees(`x ${sign.slice(1)} ${box}`), null, 'keys are 32 bytes');
});

test('a poll question takes one option a line, blank lines and spaces dropped', () => {
  assert.deepEqual(optionLines(' 没有 \n\n一辆\r\n 两辆以上'), ['没有', '一辆', '两辆以上']);
  assert.deepEqual(optionLines(''), []);
});

test('quiet hours are minutes of the day, typed as HH:MM', async () => {
  const { minutesToTime, timeToMinutes } = await import('../../src/forms.js');
  assert.equal(minutesToTime(1320), '22:00');
  assert.equal(minutesToTime(420), '07:00');
  assert.equal(minutesToTime(5), '00:05');
  assert.equal(timeToMinutes('22:00'), 1320);
  assert.equal(timeToMinutes('7:30'), 450);
  for (const bad of ['24:00', '12:60', 'noon', '', '12']) assert.equal(timeToMinutes(bad), null, bad);
});
