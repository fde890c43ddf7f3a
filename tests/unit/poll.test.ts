// The one polling helper of the client, on fake timers: when each attempt
// starts (the backoff), when it gives up (the deadline), when it stops (the
// condition), and cancellation mid-wait, mid-attempt and when the owning
// component's scope ends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { poll, usePolling } from '../../composables/usePolling'
import type { PollOptions, PollResult } from '../../composables/usePolling'

/** What the n-th attempt does: throw, never answer, or answer this value (the last step repeats). */
type Step = 'fail' | 'hang' | number

interface Case {
  name: string
  options: Omit<PollOptions<number>, 'attempt' | 'onError' | 'signal'>
  steps: Step[]
  abortAt?: number
  result: PollResult<number>
  /** Milliseconds from the start at which each attempt began. */
  attempts: number[]
  errors: number
  settledAt: number
}

const cases: Case[] = [
  {
    name: 'backs off from the initial wait, multiplies, rounds and caps, then gives up at the deadline',
    options: { initialDelay: 1000, delay: 500, factor: 1.6, maxDelay: 5000, timeout: 20_000 },
    steps: ['fail'],
    result: { status: 'timeout' },
    attempts: [1000, 1500, 2300, 3580, 5628, 8905, 13_905, 18_905],
    errors: 8,
    settledAt: 23_905,
  },
  {
    name: 'attempts at once and stops when the condition holds',
    options: { delay: 500, factor: 1.5, maxDelay: 3000, timeout: 90_000 },
    steps: [1, 2, 3, 4],
    result: { status: 'done', value: 3 },
    attempts: [0, 500, 1250],
    errors: 0,
    settledAt: 1250,
  },
  {
    name: 'counts failed attempts as "not yet" and keeps going',
    options: { delay: 100, factor: 2 },
    steps: ['fail', 'fail', 7],
    result: { status: 'done', value: 7 },
    attempts: [0, 100, 300],
    errors: 2,
    settledAt: 300,
  },
  {
    name: 'starts no attempt at or after the deadline',
    options: { delay: 400, timeout: 1200 },
    steps: [0],
    result: { status: 'timeout' },
    attempts: [0, 400, 800],
    errors: 0,
    settledAt: 1200,
  },
  {
    name: 'caps the first wait too',
    options: { delay: 9000, maxDelay: 1000, timeout: 2500 },
    steps: ['fail'],
    result: { status: 'timeout' },
    attempts: [0, 1000, 2000],
    errors: 3,
    settledAt: 3000,
  },
  {
    name: 'stops mid-wait when cancelled',
    options: { delay: 500, factor: 2 },
    steps: [0],
    abortAt: 700,
    result: { status: 'cancelled' },
    attempts: [0, 500],
    errors: 0,
    settledAt: 700,
  },
  {
    name: 'stops mid-attempt when cancelled and ignores the attempt',
    options: { delay: 500 },
    steps: [0, 'hang'],
    abortAt: 650,
    result: { status: 'cancelled' },
    attempts: [0, 500],
    errors: 0,
    settledAt: 650,
  },
  {
    name: 'never attempts once cancelled before the first try',
    options: { initialDelay: 1000, delay: 500 },
    steps: [3],
    abortAt: 10,
    result: { status: 'cancelled' },
    attempts: [],
    errors: 0,
    settledAt: 10,
  },
]

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('poll', () => {
  it.each(cases)('$name', async (c) => {
    const start = Date.now()
    const attempts: number[] = []
    const onError = vi.fn()
    const controller = new AbortController()
    const attempt = () => {
      const step = c.steps[Math.min(attempts.length, c.steps.length - 1)]!
      attempts.push(Date.now() - start)
      if (step === 'fail') return Promise.reject(new Error('down'))
      if (step === 'hang') return new Promise<number>(() => {})
      return Promise.resolve(step)
    }
    if (c.abortAt !== undefined) setTimeout(() => controller.abort(), c.abortAt)
    let settledAt = -1
    const running = poll({ ...c.options, until: v => v >= 3, attempt, onError, signal: controller.signal })
      .then((result) => {
        settledAt = Date.now() - start
        return result
      })
    await vi.runAllTimersAsync()
    expect(await running).toEqual(c.result)
    expect(attempts).toEqual(c.attempts)
    expect(onError).toHaveBeenCalledTimes(c.errors)
    expect(settledAt).toBe(c.settledAt)
  })

  it('without a stop condition runs until the deadline, seeing no value as final', async () => {
    const attempt = vi.fn(async () => 99)
    const running = poll({ attempt, delay: 1000, timeout: 3000 })
    await vi.runAllTimersAsync()
    expect(await running).toEqual({ status: 'timeout' })
    expect(attempt).toHaveBeenCalledTimes(3)
  })
})

describe('usePolling', () => {
  it('cancels its polls when the owning scope ends (the component unmounts)', async () => {
    const scope = effectScope()
    const start = Date.now()
    const attempt = vi.fn(async () => 0)
    const running = scope.run(() => usePolling())!({ attempt, until: () => false, delay: 1000 })
    setTimeout(() => scope.stop(), 2500)
    await vi.runAllTimersAsync()
    expect(await running).toEqual({ status: 'cancelled' })
    expect(attempt).toHaveBeenCalledTimes(3)
    expect(Date.now() - start).toBe(2500)
  })

  it('outside a scope, polls until its own condition', async () => {
    const attempt = vi.fn(async () => attempt.mock.calls.length)
    const running = usePolling()({ attempt, until: n => n === 2, delay: 10 })
    await vi.runAllTimersAsync()
    expect(await running).toEqual({ status: 'done', value: 2 })
  })
})
