import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the package once before the tests, so that the CLI tests run the built binary as a user would. */
export default function setup(): void {
  // Helpers running one unit-test folder while another builds may skip the build; CI and `npm test` never do.
  if (process.env.CSI_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    execSync('npm run --silent build', { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`npm run build failed before the tests:\n${stderr}`);
  }
}
