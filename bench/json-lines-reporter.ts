/** A vitest reporter that prints each recorded metric as one JSON line, and nothing else. */
import type { Reporter, TestCase } from 'vitest/node';

export default class JsonLinesReporter implements Reporter {
  onTestCaseResult(testCase: TestCase): void {
    for (const m of testCase.meta().metrics ?? []) process.stdout.write(`${JSON.stringify(m)}\n`);
    const result = testCase.result();
    if (result.state === 'failed') {
      const why = result.errors?.map((e) => e.message).join('; ') ?? 'unknown error';
      process.stderr.write(`benchmark "${testCase.fullName}" failed: ${why}\n`);
      process.exitCode = 1;
    }
  }
}
