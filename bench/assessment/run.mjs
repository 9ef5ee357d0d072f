#!/usr/bin/env node
// bench/assessment — importing N score rows through the assessment subgraph (xlsx and csv: upload, parse, check
// every row, write scores and the work ledger in one transaction) next to PostgreSQL COPY of the same rows into a
// table of the same columns, in the same run on the same database; then registering M candidates concurrently
// (throughput, and no duplicate or lost place).
//   node bench/assessment/run.mjs [--rows 10000] [--register 1000] [--concurrency 50]
// Needs the build (pnpm turbo run build) and PostgreSQL at TEST_POSTGRES_URL (default 127.0.0.1:5432).
// Prints the figures with their ratio and writes bench/results/assessment-<timestamp>.{json,md}.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { demoAgencyId, demoCollege, idNumberCheckChar } from '@skills/domain';
import { CLAIMS_HEADER, signClaims } from '@skills/service-kit';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    register: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
  },
});
const N = Number(args.rows);
const M = Number(args.register);
const SECRET = randomBytes(32).toString('base64url');
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const children = [];
const log = (m) => console.log(`[bench] ${m}`);
const liming = demoCollege('黎明职业大学');
const AGENCY = demoAgencyId(liming.creditCode, 'SKILL_LEVEL_AGENCY');

async function freePort() {
  const net = await import('node:net');
  return new Promise((ok) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => ok(p));
    });
  });
}

async function startService(pkg, env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: dirname(require.resolve(`${pkg}/package.json`)),
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      CLAIMS_SECRET: SECRET,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  const end = Date.now() + 180_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`${pkg} exited (${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) return `http://127.0.0.1:${port}/graphql`;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${pkg} not ready`);
}

const idAt = (i) => {
  const first17 = `3505032004${String(1 + Math.floor(i / 28_000)).padStart(2, '0')}${String(1 + (Math.floor(i / 1000) % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

async function sheet(format, headers, rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入数据');
  ws.columns = headers.map(([key, header]) => ({ key, header }));
  for (const [key] of headers) ws.getColumn(key).numFmt = '@';
  for (const r of rows) ws.addRow(r);
  const buf = format === 'xlsx' ? await wb.xlsx.writeBuffer() : await wb.csv.writeBuffer();
  return Buffer.from(buf);
}

const ms = (t0) => Math.round(performance.now() - t0);

async function main() {
  const dbName = `bench_assessment_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const DATABASE_URL = url.toString();
  try {
    log(`database ${dbName}; starting agencies and assessment`);
    const agencies = await startService('@skills/agencies', { DATABASE_URL, DEMO_DATA: 'true' });
    const assessment = await startService('@skills/assessment', {
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DATABASE_URL,
      DEMO_DATA: 'true',
      AGENCIES_GRAPH_URL: agencies,
    });
    const staff = await signClaims(
      { kind: 'user', id: 'bench-liming', grants: [{ role: 'AGENCY_STAFF', orgCode: liming.creditCode }] },
      SECRET,
      3600,
    );
    const gql = async (query, variables, token = staff) => {
      const res = await fetch(assessment, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: token },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
      return body.data;
    };
    const future = (d) => new Date(Date.now() + d * 86_400_000).toISOString();
    const plan = async (cap) =>
      (
        await gql(
          `mutation($a: ID!, $c: Int!, $d: DateTime!, $r: DateTime!) { createAssessmentPlan(agencyId: $a,
            kind: OCCUPATION, occupationCode: "6-31-01-03", level: LEVEL_3, title: "基准测试", assessmentDate: $d,
            registrationClosesAt: $r, sites: ["实训楼"], capacity: $c) { id } }`,
          { a: AGENCY, c: cap, d: future(30), r: future(20) },
        )
      ).createAssessmentPlan.id;

    // the roster: N students registered for one plan
    const students = Array.from({ length: N }, (_, i) => ({
      name: `学生${i}`,
      idNumber: idAt(i),
      className: `电气 ${1 + (i % 40)} 班`,
    }));
    const planA = await plan(N);
    const roster = await sheet(
      'xlsx',
      [
        ['name', '姓名'],
        ['idNumber', '身份证号'],
        ['className', '班级'],
      ],
      students,
    );
    let t0 = performance.now();
    const r = await gql(
      `mutation($i: String!, $p: ID, $f: ImportFileInput!) { importRoster(institutionCode: $i, planId: $p, file: $f) { rows registered } }`,
      {
        i: liming.creditCode,
        p: planA,
        f: { fileName: 'roster.xlsx', contentBase64: roster.toString('base64') },
      },
    );
    const rosterMs = ms(t0);
    log(`roster: ${r.importRoster.rows} rows, ${r.importRoster.registered} registered in ${rosterMs} ms`);

    // the same score rows through the import (xlsx and csv), then by COPY
    const headers = [
      ['idNumber', '身份证号'],
      ['name', '姓名'],
      ['theory', '理论成绩'],
      ['theoryMark', '理论考试情况'],
      ['practical', '实操成绩'],
      ['practicalMark', '实操考试情况'],
    ];
    const scoreRows = (shift) =>
      students.map((s, i) => ({
        idNumber: s.idNumber,
        name: s.name,
        theory: String(40 + ((i + shift) % 60)),
        theoryMark: '正常',
        practical: String(50 + ((i + shift) % 50)),
        practicalMark: '正常',
      }));
    const IMPORT = `mutation($p: ID!, $f: ImportFileInput!) { importScores(planId: $p, file: $f, reason: "基准测试") { rows changed } }`;
    const timings = {};
    for (const [format, shift] of [
      ['xlsx', 0],
      ['csv', 7],
    ]) {
      const file = await sheet(format, headers, scoreRows(shift));
      t0 = performance.now();
      const d = await gql(IMPORT, {
        p: planA,
        f: { fileName: `scores.${format}`, contentBase64: file.toString('base64') },
      });
      timings[format] = ms(t0);
      log(
        `import ${format}: ${d.importScores.rows} rows, ${d.importScores.changed} changed, ${timings[format]} ms (${file.length} bytes)`,
      );
    }
    const csv = await sheet('csv', headers, scoreRows(0));
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    await db.query(`create table bench_copy ("idNumber" text, "name" text, "theory" numeric(5,1), "theoryMark" text,
      "practical" numeric(5,1), "practicalMark" text)`);
    t0 = performance.now();
    await pipeline(
      Readable.from([csv]),
      db.query(copyFrom(`COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    const copyMs = Math.max(1, ms(t0));
    const copied = (await db.query('select count(*)::int as n from bench_copy')).rows[0].n;
    await db.end();
    log(`COPY: ${copied} rows in ${copyMs} ms`);

    // M registrations at once (concurrency C), each candidate once: throughput and no duplicates
    const planB = await plan(M);
    const pool = new pg.Client({ connectionString: DATABASE_URL });
    await pool.connect();
    const cands = (
      await pool.query(
        `select id from assessment."Candidate" where "institutionCode" = $1 order by "idNumber" limit $2`,
        [liming.creditCode, M],
      )
    ).rows.map((x) => x.id);
    const C = Number(args.concurrency);
    t0 = performance.now();
    let next = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: C }, async () => {
        while (next < cands.length) {
          const c = cands[next++];
          try {
            await gql(`mutation($p: ID!, $c: ID) { registerForPlan(planId: $p, candidateId: $c) { id } }`, {
              p: planB,
              c,
            });
          } catch {
            failed++;
          }
        }
      }),
    );
    const regMs = ms(t0);
    const check = (
      await pool.query(
        `select (select count(*)::int from assessment."Registration" where "planId" = $1) as rows,
                (select count(distinct "candidateId")::int from assessment."Registration" where "planId" = $1) as distinct,
                (select "registeredCount" from assessment."AssessmentPlan" where id = $1) as counted`,
        [planB],
      )
    ).rows[0];
    await pool.end();
    log(
      `register: ${cands.length} in ${regMs} ms at concurrency ${C} (${failed} failed); rows ${check.rows}, distinct ${check.distinct}, plan count ${check.counted}`,
    );

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30) },
      rows: N,
      rosterImportMs: rosterMs,
      scoreImportMs: timings,
      copyMs,
      ratio: { xlsx: +(timings.xlsx / copyMs).toFixed(1), csv: +(timings.csv / copyMs).toFixed(1) },
      registration: {
        candidates: cands.length,
        concurrency: C,
        ms: regMs,
        perSecond: Math.round((cands.length / regMs) * 1000),
        failed,
        ...check,
      },
    };
    const md = [
      `# assessment benchmark (${result.at})`,
      '',
      `${result.machine.cpus} × ${result.machine.model}, ${result.machine.memGiB} GiB; PostgreSQL at ${url.host}`,
      '',
      '| what | time | ratio to COPY |',
      '| --- | ---: | ---: |',
      `| PostgreSQL COPY of ${N} score rows (csv, baseline) | ${copyMs} ms | 1 |`,
      `| importScores, ${N} rows, xlsx (upload, parse, check, scores + ledger in one transaction) | ${timings.xlsx} ms | ${result.ratio.xlsx}× |`,
      `| importScores, ${N} rows, csv | ${timings.csv} ms | ${result.ratio.csv}× |`,
      `| importRoster, ${N} students registered for a plan (xlsx) | ${rosterMs} ms | |`,
      '',
      `Registering ${cands.length} candidates, ${C} at a time: ${regMs} ms (${result.registration.perSecond}/s), ${failed} failed; ` +
        `${check.rows} registrations, ${check.distinct} distinct candidates, plan count ${check.counted}.`,
      '',
    ].join('\n');
    console.log('\n' + md);
    const dir = join(here, '..', 'results');
    mkdirSync(dir, { recursive: true });
    const stamp = result.at.replace(/[:.]/g, '-');
    writeFileSync(join(dir, `assessment-${stamp}.json`), JSON.stringify(result, null, 2));
    writeFileSync(join(dir, `assessment-${stamp}.md`), md);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`drop database if exists "${dbName}" with (force)`);
    await a.end();
  }
}

main().catch((e) => {
  console.error(e);
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exit(1);
});
