/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// The TS SDK column of the side-by-side harness (ComparisonHarness): runs one scenario
// with the official TypeScript SDK's public API against the simulator and prints
// "RESULT <json>" on stdout. StarterDriver.java runs the same scenarios with the starter;
// keep the two in step.
//
//   node ts-driver.mjs <built sdk dir> <scenario> <simulator base url> <api key> [name=value ...]
//
// Times are process.hrtime, which reads the machine's monotonic clock on Linux, the clock
// of the simulator's System.nanoTime(): the harness subtracts one from the other. They are
// printed as strings (nanoseconds can exceed what a JSON number holds exactly).

import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [sdkDir, scenario, baseUrl, apiKey, ...rest] = process.argv.slice(2);
const args = Object.fromEntries(
  rest.map((arg) => [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]),
);
const int = (name) => Number.parseInt(args[name] ?? "0", 10);

const now = () => process.hrtime.bigint();
const millis = (from, to) => Number(to - from) / 1e6;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The SDK's poll timer is unref'd: while a session action waits on it and nothing else is
// pending, Node sees an empty event loop and exits mid-action (code 13 here, silently 0 in
// a script without top-level await). An application's server socket keeps the loop
// alive; this timer, which never fires, stands in for it.
setInterval(() => {}, 1 << 30);

const { SmoothClient } = await import(pathToFileURL(join(sdkDir, "dist", "index.js")).href);
// the SDK appends the API version to its base URL itself
const client = new SmoothClient({ apiKey, baseUrl: baseUrl.replace(/\/v1\/?$/, "") });
const readyMs = performance.now();

// the same tool as HarnessApplication.CustomerTool: answers at once
const lookupCustomer = client.tool(
  {
    name: "lookupCustomer",
    description: "Look up a customer by id",
    inputs: { customerId: { type: "string", description: "the id" } },
    output: "the customer",
  },
  async (input) => ({ id: input.customerId, name: "Ada Lovelace" }),
);

/** Submits a task, awaits its result and notes when the result reached us. */
async function task(text, withTool) {
  const submitted = now();
  const handle = await client.run({ task: text, customTools: withTool ? [lookupCustomer] : null });
  const result = await handle.result();
  return {
    id: handle.id(),
    tool: withTool,
    status: result.status,
    submittedNanos: String(submitted),
    deliveredNanos: String(now()),
  };
}

/** Opens a session, runs four actions (noting when each result reached us) and closes it. */
async function session() {
  const handle = await client.session();
  const delivered = [];
  await handle.goto("https://example.com");
  delivered.push(String(now()));
  await handle.evaluateJs("document.title");
  delivered.push(String(now()));
  await handle.extract({ type: "object", properties: { title: { type: "string" } } }, "the title");
  delivered.push(String(now()));
  await handle.runTask({ task: "click the first link" });
  delivered.push(String(now()));
  await handle.close();
  return { id: handle.id(), delivered };
}

/** Starts count runs evenly over spreadMs without waiting for each, then awaits them all. */
async function spread(count, spreadMs, start) {
  const begin = now();
  const runs = [];
  for (let i = 0; i < count; i++) {
    const wait = (spreadMs * i) / count - millis(begin, now());
    if (wait > 0) {
      await sleep(wait);
    }
    runs.push(start(i));
  }
  return Promise.all(runs);
}

async function sequentialMillis(count, text) {
  const sample = [];
  for (let i = 0; i < count; i++) {
    const start = now();
    const { status } = await task(`${text} #${i}`, false);
    if (status !== "done") throw new Error(`quick task ended ${status}`);
    sample.push(millis(start, now()));
  }
  return sample;
}

const scenarios = {
  // the first submit of a fresh process: the POST until the handle is there
  async "first-call"() {
    const start = now();
    const handle = await client.run({ task: args.text });
    const firstCallMs = millis(start, now());
    await handle.result();
    return { readyMs, firstCallMs };
  },

  // sequential plain tasks, submit to result: the first ones cold, later ones warm
  async quick() {
    const cold = await sequentialMillis(int("cold"), `${args.text} cold`);
    await sequentialMillis(int("warmup"), `${args.text} warm-up`);
    const warm = await sequentialMillis(int("warm"), `${args.text} warm`);
    return { cold, warm };
  },

  // warmup unmeasured tool tasks at once (the code paths loaded, the connections open),
  // then count tasks started over spreadMs; the last toolTasks attach the tool; "{k}" in
  // the text becomes i % phases, so the simulator can give each a different script
  async tasks() {
    await Promise.all(Array.from({ length: int("warmup") }, (_, i) => task(`[warm-up] #${i}`, true)));
    const count = int("count");
    const toolTasks = int("toolTasks");
    const phases = Math.max(1, int("phases"));
    const tasks = await spread(count, int("spreadMs"), (i) =>
      task(`${args.text.replace("{k}", String(i % phases))} #${i}`, i >= count - toolTasks),
    );
    return { tasks };
  },

  // one unmeasured session, then count sessions started over spreadMs
  async sessions() {
    await session();
    const sessions = await spread(int("count"), int("spreadMs"), () => session());
    return { sessions };
  },

  // rounds of count simultaneous plain tasks; CPU of this whole process per round
  async concurrent() {
    const count = int("count");
    const rounds = [];
    for (let round = 0; round < int("rounds"); round++) {
      const cpu = process.cpuUsage();
      const start = now();
      const tasks = await Promise.all(
        Array.from({ length: count }, (_, i) => task(`${args.text} round ${round} #${i}`, false)),
      );
      const wallMs = millis(start, now());
      const used = process.cpuUsage(cpu);
      rounds.push({ cpuMs: (used.user + used.system) / 1000, wallMs, tasks });
    }
    return { rounds };
  },
};

try {
  if (!scenarios[scenario]) throw new Error(`unknown scenario ${scenario}`);
  const result = await scenarios[scenario]();
  result.clockNanos = String(now());
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`, () => process.exit(0));
} catch (error) {
  console.error(error);
  process.exit(1);
}
