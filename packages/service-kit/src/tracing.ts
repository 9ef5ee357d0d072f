// OpenTelemetry traces, off unless the standard variables ask for them (OTEL_TRACES_EXPORTER=otlp, or an
// OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT; OTEL_SDK_DISABLED=true wins): a server span per HTTP request (its parent
// from the W3C traceparent), the gateway's spans and a client span per subgraph fetch, and Prisma's spans down to
// each PostgreSQL query — exported over OTLP/HTTP as the exporter's own OTEL_EXPORTER_OTLP_* variables say.
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import type { IncomingMessage } from 'node:http';

export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  if (env.OTEL_TRACES_EXPORTER) return env.OTEL_TRACES_EXPORTER.split(',').includes('otlp');
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let provider: NodeTracerProvider | undefined;

/** Starts exporting spans if the environment asks for it (once per process; later calls do nothing). */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (provider) return true;
  if (!tracingWanted(env)) return false;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // the global tracer provider, W3C trace-context propagation and an AsyncLocalStorage context manager
  provider.register();
  // Prisma's own spans (operation, serialisation, database query), in the request's trace: Prisma runs its
  // queries off the caller's async context, so without its helper they would start traces of their own
  new PrismaInstrumentation().enable();
  return true;
}

/** Sends the spans still buffered (on shutdown). */
export async function stopTracing() {
  await provider?.shutdown();
  provider = undefined;
}

export const tracingOn = () => provider !== undefined;
const tracer = () => trace.getTracer('@skills/service-kit');

/** The server span of a request, child of its traceparent; null when tracing is off. */
export function startServerSpan(
  req: IncomingMessage,
  route: string,
): { span: Span; context: Context } | null {
  if (!provider) return null;
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan(
    `${req.method ?? 'GET'} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': route } },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/** Ends a server span with the answer's status. */
export function endServerSpan(span: Span, status: number) {
  span.setAttribute('http.response.status_code', status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * Runs an outgoing call in a client span (child of the active span) and puts its traceparent into `headers`;
 * when tracing is off it only runs the call.
 */
export async function inClientSpan<T>(
  name: string,
  headers: Record<string, string>,
  call: () => Promise<T>,
): Promise<T> {
  if (!provider) return call();
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT }, context.active());
  propagation.inject(trace.setSpan(context.active(), span), headers);
  try {
    return await call();
  } catch (e) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
    throw e;
  } finally {
    span.end();
  }
}
