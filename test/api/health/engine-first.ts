// Run in a process of its own by openapi.test.ts: the engine's schemas are made before @hono/zod-openapi is loaded
// (as in a notebook that imports the engine, then the API), and the document must still be generated.
import { ALERT_METRIC_KINDS } from "../../../src/engine/index.ts";

const { createApp } = await import("../../../src/api/app.ts");
const { app, close } = createApp({ store: null as never });
const res = await app.request("/api/openapi.json");
const doc = (await res.json()) as { components: { schemas: Record<string, unknown> } };
close();
process.stdout.write(JSON.stringify({ status: res.status, kinds: ALERT_METRIC_KINDS.length, schemas: Object.keys(doc.components.schemas) }));
