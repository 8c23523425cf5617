import type { FastifyInstance } from 'fastify';
import { Layout } from './components/layout.tsx';
import { pageCtx } from './page-context.ts';
import { sendPage } from './render.ts';

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};
type Doc = {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
};

/** `/api/openapi.json` (the machine-readable document) and `/api/docs` (the same, readable, without JavaScript). */
export function registerApiDocs(app: FastifyInstance): void {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { schema: { hide: true } }, async (request, reply) => {
    const doc = app.swagger() as unknown as Doc;
    const ctx = pageCtx(request, app.config);
    const paths = Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b));
    return sendPage(
      reply,
      <Layout ctx={ctx} title={doc.info.title}>
        <article class="api-docs">
          <h1>{doc.info.title}</h1>
          <p>{doc.info.description}</p>
          <p>
            <a href="/api/openapi.json">openapi.json</a> (OpenAPI 3.1)
          </p>
          <nav aria-label="Endpoints">
            <ul>
              {paths.flatMap(([path, ops]) =>
                Object.keys(ops).map((method) => (
                  <li key={`${method} ${path}`}>
                    <a href={`#${anchor(method, path)}`}>
                      <code>
                        {method.toUpperCase()} {path}
                      </code>
                    </a>
                  </li>
                )),
              )}
            </ul>
          </nav>
          {paths.flatMap(([path, ops]) =>
            Object.entries(ops).map(([method, op]) => (
              <section key={`${method} ${path}`} id={anchor(method, path)} class="endpoint">
                <h2>
                  <code>
                    {method.toUpperCase()} {path}
                  </code>
                </h2>
                {op.summary ? <p>{op.summary}</p> : null}
                {op.description ? <p>{op.description}</p> : null}
                {op.parameters?.length ? (
                  <table>
                    <caption>Parameters</caption>
                    <thead>
                      <tr>
                        <th scope="col">name</th>
                        <th scope="col">in</th>
                        <th scope="col">required</th>
                        <th scope="col">schema</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr key={p.name}>
                          <td>
                            <code>{p.name}</code>
                          </td>
                          <td>{p.in}</td>
                          <td>{p.required ? 'yes' : 'no'}</td>
                          <td>
                            <code>{JSON.stringify(p.schema)}</code>
                            {p.description ? ` — ${p.description}` : ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {op.requestBody?.content
                  ? Object.entries(op.requestBody.content).map(([type, body]) => (
                      <details key={type}>
                        <summary>Request body ({type})</summary>
                        <pre>{JSON.stringify(body.schema, null, 2)}</pre>
                      </details>
                    ))
                  : null}
                {Object.entries(op.responses ?? {}).map(([status, response]) => (
                  <details key={status}>
                    <summary>
                      {status} {response.description ?? ''}
                    </summary>
                    {Object.entries(response.content ?? {}).map(([type, body]) => (
                      <pre key={type}>{JSON.stringify(body.schema, null, 2)}</pre>
                    ))}
                  </details>
                ))}
              </section>
            )),
          )}
        </article>
      </Layout>,
    );
  });
}

function anchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-');
}
