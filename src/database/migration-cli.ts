import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../config/command.js';
import { loadConfig } from '../config/app-config.js';
import { openCliDatabase } from './cli-database.js';
import { grantServingRole } from './serving-role.js';
import { migrate } from './data-source.js';

// npm run migration:run | migration:revert | migration:generate -- <Name> | migration:check
// Uses DATABASE_URL, or the embedded server under DATA_DIR when it is unset, like the service.

const SOURCE_MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'migrations',
);
const USAGE = 'usage: migration-cli run | revert | generate <PascalCaseName> | check';

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  if (!command || !['run', 'revert', 'generate', 'check'].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  if (command === 'generate' && !(name && /^[A-Z][A-Za-z0-9]*$/.test(name))) {
    process.stderr.write(`generate needs a PascalCase name, e.g. npm run migration:generate -- AddPatients\n`);
    return 64;
  }

  const { dataSource, servingRole, close } = await openCliDatabase(loadConfig());
  try {
    await dataSource.initialize();
    switch (command) {
      case 'run': {
        const applied = await migrate(
          dataSource,
          servingRole ? (manager) => grantServingRole(manager, servingRole) : undefined,
        );
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
        return 0;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write('reverted the last migration\n');
        return 0;
      case 'generate':
      case 'check': {
        await migrate(dataSource);
        const sql = await dataSource.driver.createSchemaBuilder().log();
        if (sql.upQueries.length === 0) {
          process.stdout.write('entities and migrations agree: nothing to generate\n');
          return 0;
        }
        if (command === 'check') {
          process.stderr.write(
            'Schema drift: the entities differ from what the migrations create. ' +
              'Run `npm run migration:generate -- <Name>` and review the result. Pending SQL:\n' +
              sql.upQueries.map((query) => `  ${query.query};`).join('\n') +
              '\n',
          );
          return 1;
        }
        const file = await writeMigration(
          name,
          sql.upQueries.map((q) => q.query),
          sql.downQueries.map((q) => q.query).reverse(),
        );
        process.stdout.write(`wrote ${path.relative(process.cwd(), file)}; review it before committing\n`);
        return 0;
      }
    }
    return 64;
  } finally {
    await close();
  }
}

async function writeMigration(name: string, up: string[], down: string[]): Promise<string> {
  const timestamp = Date.now();
  const statements = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${statements(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements(down)}
  }
}
`;
  const file = path.join(SOURCE_MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
  await writeFile(file, source, { flag: 'wx' });
  return file;
}

runCommand(main);
