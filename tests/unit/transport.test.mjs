// The transport (www/player/transport.js) in Node, on a fake clock: no browser, no wasm. The
// page and <stepwise-player> both run it, so these rules hold for both hosts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STEP_MOTION_MS, Transport } from '../../www/player/transport.js';

/** A player of `len` steps that records what it was asked to show and paint. */
function fakePlayer(len) {
  return {
    len,
    position: 0,
    /** @type {number[]} */
    draws: [],
    seek(step) {
      assert.ok(Number.isInteger(step) && step >= 0 && step <= len, `seek(${step}) within 0..${len}`);
      this.position = step;
    },
    draw(progress) {
      this.draws.push(progress);
    },
  };
}

/**
 * A transport on a fake clock: `run(ms)` plays frames every 16 ms (or `frameMs`), `events`
 * holds every event (type and detail) in order.
 */
function setUp({ lens = [20], speed = { perSecond: 2 }, loop = false, reduced = false } = {}) {
  const state = { time: 1000, reduced };
  /** @type {Array<(now: number) => void>} */
  let queue = [];
  const transport = new Transport({
    speed,
    loop,
    now: () => state.time,
    requestFrame: (callback) => { queue.push(callback); },
    reducedMotion: () => state.reduced,
  });
  const events = [];
  for (const type of ['step', 'playing', 'typing', 'escape']) {
    transport.on(/** @type {any} */ (type), (detail) => events.push({ type, ...detail }));
  }
  const players = lens.map(fakePlayer);
  transport.setPlayers(players);
  events.length = 0;
  const run = (ms, frameMs = 16) => {
    const end = state.time + ms;
    while (state.time < end) {
      state.time = Math.min(end, state.time + frameMs);
      const due = queue;
      queue = [];
      for (const callback of due) callback(state.time);
    }
  };
  /** Runs one frame `ms` after the last. */
  const frame = (ms = 16) => run(ms, ms);
  const press = (key, modifiers = {}) => transport.key({ key, ...modifiers });
  const positions = () => events.filter((event) => event.type === 'step').map((event) => event.position);
  const pauses = () => events.filter((event) => event.type === 'playing' && !event.playing).map((event) => event.reason);
  return { transport, players, events, run, frame, press, positions, pauses, state };
}

test('stepping moves one step each way, never below the start', () => {
  const { transport, players, events } = setUp();
  assert.equal(transport.step(1), true);
  transport.step(1);
  assert.equal(transport.position, 2);
  assert.equal(players[0].position, 2);
  transport.step(-1);
  assert.equal(transport.position, 1);
  transport.step(-1);
  transport.step(-1);
  assert.equal(transport.position, 0);
  assert.deepEqual(events.map((event) => [event.type, event.position, event.kind]), [
    ['step', 1, 'step'], ['step', 2, 'step'], ['step', 1, 'step'], ['step', 0, 'step'], ['step', 0, 'step'],
  ]);
});

test('seeks are clamped to the range; a new range moves the position into it', () => {
  const { transport, players, events } = setUp();
  transport.seek(2);
  transport.setRange(3, 8);
  assert.equal(transport.position, 3, 'moved into the new range');
  assert.deepEqual(transport.range(), [3, 8]);
  transport.seek(100);
  assert.equal(transport.position, 8);
  transport.seek(-5);
  assert.equal(transport.position, 3);
  transport.seek(Number.NaN);
  assert.equal(transport.position, 3, 'NaN stays put');
  transport.seek(6.7);
  assert.equal(transport.position, 6, 'whole steps');
  assert.equal(players[0].position, 6);
  assert.deepEqual(events.at(-1), { type: 'step', position: 6, from: 3, to: 8, length: 20, kind: 'jump' });
  // Out-of-order and out-of-run bounds are tamed (player/lesson.js stepRange).
  transport.setRange(15, 40);
  assert.deepEqual(transport.range(), [15, 20]);
  transport.setRange(null, null);
  assert.deepEqual(transport.range(), [0, 20]);
  transport.toEnd();
  assert.equal(transport.position, 20);
  transport.toStart();
  assert.equal(transport.position, 0);
});

test('several players share one clock: the longest sets the length, each stops at its own end', () => {
  const { transport, players } = setUp({ lens: [10, 20] });
  assert.equal(transport.length, 20);
  transport.seek(15);
  assert.deepEqual(players.map((player) => player.position), [10, 15]);
  transport.seek(4);
  assert.deepEqual(players.map((player) => player.position), [4, 4]);
  // A rebuild keeps the position it is handed, clamped into the new run.
  transport.setPlayers([fakePlayer(6)], { position: 15 });
  assert.equal(transport.position, 6);
  transport.setPlayers([fakePlayer(6)]);
  assert.equal(transport.position, 0, 'without a position: the start of the range');
});

test('play moves at the speed, pause holds, play at the end starts again from the start', () => {
  const { transport, run, events, pauses } = setUp({ speed: { perSecond: 4 } });
  assert.equal(transport.play(), true);
  run(1000);
  assert.equal(transport.position, 4);
  transport.pause();
  run(1000);
  assert.equal(transport.position, 4, 'paused: the clock stands still');
  assert.deepEqual(events.filter((event) => event.type === 'playing').map((event) => [event.playing, event.reason]), [[true, 'user'], [false, 'user']]);
  transport.toggle();
  assert.equal(transport.playing, true);
  run(5000);
  assert.equal(transport.position, 20);
  assert.equal(transport.playing, false);
  assert.equal(pauses().at(-1), 'end');
  transport.play();
  assert.equal(transport.position, 0, 'play at the end starts again');
  // A step by hand pauses playback first.
  run(600);
  transport.step(1);
  assert.equal(transport.playing, false);
  assert.equal(pauses().at(-1), 'step');
  // No players: nothing plays, and losing them stops playback.
  transport.play();
  transport.setPlayers([]);
  assert.equal(transport.playing, false);
  assert.equal(transport.play(), false);
});

test('speed changes take effect at once: per second and per frame', () => {
  const { transport, run, frame } = setUp({ lens: [1000], speed: { perSecond: 1 } });
  transport.play();
  run(2000);
  assert.equal(transport.position, 2);
  transport.setSpeed({ perSecond: 10 });
  run(1000);
  assert.equal(transport.position, 12);
  transport.setSpeed({ perFrame: 16 });
  frame();
  frame();
  assert.equal(transport.position, 44);
  // A long gap (a background tab) counts as one short frame, not a burst.
  transport.setSpeed({ perSecond: 10 });
  frame(60000);
  assert.equal(transport.position, 46);
});

test('loop: the last step of the range shows, then the next step due starts again at from', () => {
  const { transport, run, positions } = setUp({ speed: { perFrame: 1 }, loop: true });
  transport.setRange(2, 5);
  transport.play();
  run(16 * 8);
  assert.equal(transport.playing, true, 'a loop plays on');
  assert.deepEqual(positions().slice(1), [3, 4, 5, 2, 3, 4, 5, 2]);
  // Faster than one step per frame, the last step still shows before the wrap.
  const fast = setUp({ speed: { perFrame: 3 }, loop: true });
  fast.transport.setRange(2, 6);
  fast.transport.play();
  fast.run(16 * 4);
  assert.deepEqual(fast.positions().slice(1), [5, 6, 2, 5]);
  // Without loop: the end of the range stops.
  const once = setUp({ speed: { perFrame: 3 } });
  once.transport.setRange(2, 6);
  once.transport.play();
  once.run(16 * 4);
  assert.deepEqual(once.positions().slice(1), [5, 6]);
  assert.deepEqual(once.pauses(), ['end']);
});

test('lesson: playback pauses at a pausing note, and goes on from it', () => {
  const { transport, run, pauses } = setUp({ speed: { perFrame: 1 } });
  transport.setNotes([{ at: 4, pause: true, text: 'Predict.' }, { at: 6, pause: false, text: 'Look.' }]);
  transport.play();
  run(16 * 10);
  assert.equal(transport.position, 4);
  assert.equal(transport.playing, false);
  assert.deepEqual(pauses(), ['note']);
  assert.equal(transport.note()?.text, 'Predict.');
  assert.equal(transport.nextNote()?.text, 'Look.');
  transport.play();
  run(16 * 4);
  assert.equal(transport.position, 8, 'a note without pause does not stop');
  assert.equal(transport.note()?.text, 'Look.');
  // Faster than the notes: a frame owing many steps still stops at the note.
  const fast = setUp({ speed: { perFrame: 64 } });
  fast.transport.setNotes([{ at: 9, pause: true, text: 'Stop.' }]);
  fast.transport.play();
  fast.run(16 * 3);
  assert.equal(fast.transport.position, 9);
});

test('lesson: at the end of a locked range, a note past it is ignored and a note at it wins over loop', () => {
  const past = setUp({ speed: { perFrame: 2 } });
  past.transport.setLesson({ notes: [{ at: 12, pause: true, text: 'Outside the lesson.' }], from: 0, to: 8 });
  past.transport.play();
  past.run(16 * 10);
  assert.equal(past.transport.position, 8);
  assert.deepEqual(past.pauses(), ['end'], 'the end of the range, not the note past it');
  const at = setUp({ speed: { perFrame: 1 }, loop: true });
  at.transport.setLesson({ notes: [{ at: 8, pause: true, text: 'The end.' }], from: 2, to: 8 });
  at.transport.play();
  at.run(16 * 12);
  assert.equal(at.transport.position, 8, 'held at the note at the end, not looped');
  assert.deepEqual(at.pauses(), ['note']);
  // Play again: from the start of the range, looping.
  at.transport.play();
  assert.equal(at.transport.position, 2);
  // A loop that wraps onto a pausing note at `from` pauses there.
  const wrap = setUp({ speed: { perFrame: 1 }, loop: true });
  wrap.transport.setLesson({ notes: [{ at: 2, pause: true, text: 'Again.' }], from: 2, to: 4 });
  wrap.transport.play();
  wrap.run(16 * 6);
  assert.deepEqual(wrap.positions().slice(1), [3, 4, 2]);
  assert.deepEqual(wrap.pauses(), ['note']);
});

test('practice gate: nothing plays and nothing moves forward until the learner answers', () => {
  const { transport, run, press, pauses } = setUp({ speed: { perFrame: 1 } });
  transport.seek(3);
  transport.play();
  transport.setPractising(true);
  assert.equal(transport.playing, false);
  assert.deepEqual(pauses(), ['practice']);
  const at = transport.position;
  assert.equal(transport.play(), false);
  run(16 * 5);
  assert.equal(transport.position, at, 'no advance while practising');
  assert.equal(transport.step(1), false);
  assert.equal(transport.seek(at + 5), false);
  press('ArrowRight');
  press('End');
  press('9');
  press('Enter');
  press(' ');
  assert.equal(transport.position, at, 'no key moves forward');
  assert.equal(transport.playing, false);
  // Going back is allowed; the answer moves forward, one step with motion.
  transport.step(-1);
  assert.equal(transport.position, at - 1);
  assert.equal(transport.answer(), true);
  assert.equal(transport.position, at);
  assert.equal(transport.motion.duration, STEP_MOTION_MS);
  // The teacher's range is not the learner skipping: it moves the position even forward.
  transport.setRange(10, null);
  assert.equal(transport.position, 10);
  transport.setPractising(false);
  assert.equal(transport.step(1), true);
  assert.equal(transport.position, 11);
});

test('keys: arrows and a clicker step, Home/End jump within the range, Space plays and pauses', () => {
  const { transport, press } = setUp();
  transport.setRange(2, 12);
  assert.equal(press('ArrowRight'), true);
  press('PageDown');
  assert.equal(transport.position, 4);
  press('ArrowLeft');
  assert.equal(transport.position, 3);
  press('PageUp');
  assert.equal(transport.position, 2);
  press('End');
  assert.equal(transport.position, 12);
  press('Home');
  assert.equal(transport.position, 2);
  press(' ');
  assert.equal(transport.playing, true);
  press(' ');
  assert.equal(transport.playing, false);
  // Keys with a modifier belong to the browser; others are left alone.
  assert.equal(press('ArrowRight', { ctrlKey: true }), false);
  assert.equal(press('ArrowRight', { metaKey: true }), false);
  assert.equal(press('a'), false);
  assert.equal(press('Enter'), false, 'Enter with no number presses the focused button');
  assert.equal(transport.position, 2);
});

test('keys: a typed number then Enter jumps there (within the range), Escape and other keys drop it', () => {
  const { transport, press, events } = setUp({ speed: { perFrame: 1 } });
  transport.setRange(null, 15);
  const typing = () => events.filter((event) => event.type === 'typing').map((event) => event.digits);
  assert.equal(press('1'), true);
  press('2');
  assert.deepEqual(typing(), ['1', '12']);
  assert.equal(transport.position, 0, 'digits alone do not move');
  transport.play();
  assert.equal(press('Enter'), true);
  assert.equal(transport.position, 12);
  assert.equal(transport.playing, false, 'a typed step pauses playback');
  assert.equal(transport.motion.duration, 0, 'a jump has no motion');
  assert.deepEqual(typing(), ['1', '12', '']);
  press('9');
  press('9');
  press('Enter');
  assert.equal(transport.position, 15, 'clamped to the range');
  // Escape drops the number (and says so); with none typed it is the host's.
  press('4');
  assert.equal(press('Escape'), true);
  press('Enter');
  assert.equal(transport.position, 15, 'the dropped number is gone');
  assert.equal(press('Escape'), false);
  assert.equal(events.filter((event) => event.type === 'escape').length, 2);
  // Any other key drops the number too, and does its own job.
  press('3');
  press('ArrowLeft');
  press('Enter');
  assert.equal(transport.position, 14);
  assert.equal(transport.typed, '');
});

test('motion: a step by hand moves over STEP_MOTION_MS at any speed, playback at the clock\'s pace, jumps not at all', () => {
  const { transport, players, run, frame, state } = setUp({ lens: [100], speed: { perSecond: 4 } });
  transport.step(1);
  assert.equal(transport.motion.duration, STEP_MOTION_MS, 'by hand: the fixed motion, whatever the speed');
  players[0].draws.length = 0;
  frame(STEP_MOTION_MS / 2);
  assert.equal(players[0].draws.at(-1), 0.5, 'halfway through the motion');
  frame(STEP_MOTION_MS);
  assert.equal(players[0].draws.at(-1), 1);
  const drawn = players[0].draws.length;
  run(1000);
  assert.equal(players[0].draws.length, drawn, 'no frames when nothing moves');
  transport.seek(50);
  assert.equal(transport.motion.duration, 0, 'a jump does not move');
  transport.step(-1);
  assert.equal(transport.motion.duration, STEP_MOTION_MS);
  // Playback: the clock's motion, shorter as steps come faster, none past 10 steps a second.
  transport.play();
  run(300);
  assert.equal(transport.motion.duration, 175);
  transport.setSpeed({ perSecond: 2 });
  run(600);
  assert.equal(transport.motion.duration, STEP_MOTION_MS);
  transport.setSpeed({ perSecond: 30 });
  run(200);
  assert.equal(transport.motion.duration, 0);
  transport.pause();
  // Reduced motion: none at all.
  state.reduced = true;
  transport.step(1);
  assert.equal(transport.motion.duration, 0);
  // Two players where neither moves by one step: no motion either.
  const pair = setUp({ lens: [5, 20] });
  pair.transport.seek(5);
  pair.transport.seek(7);
  pair.transport.step(1);
  assert.equal(pair.transport.motion.duration, STEP_MOTION_MS, 'the longer one moved by one');
  pair.transport.seek(5);
  pair.transport.seek(3);
  pair.transport.step(-10);
  assert.equal(pair.transport.motion.duration, 0);
});

test('off screen, playback waits and resumes where it was', () => {
  const { transport, run } = setUp({ speed: { perSecond: 4 } });
  transport.play();
  run(500);
  assert.equal(transport.position, 2);
  transport.setActive(false);
  run(2000);
  assert.equal(transport.position, 2);
  assert.equal(transport.playing, true);
  transport.setActive(true);
  run(500);
  assert.equal(transport.position, 4);
});

test('each frame is guarded by the host, and listeners can stop', () => {
  const failures = [];
  let queue = [];
  const transport = new Transport({
    now: () => 0,
    requestFrame: (callback) => { queue.push(callback); },
    guard: (action) => {
      try {
        action();
      } catch (error) {
        failures.push(error.message);
      }
    },
  });
  const broken = fakePlayer(5);
  broken.draw = () => { throw new Error('trapped'); };
  let steps = 0;
  const stop = transport.on('step', () => { steps += 1; });
  transport.setPlayers([broken]);
  stop();
  transport.seek(2);
  assert.equal(steps, 1);
  const due = queue;
  queue = [];
  for (const callback of due) callback(16);
  assert.deepEqual(failures, ['trapped']);
  assert.equal(queue.length, 0, 'a failed frame asks for no more');
});
