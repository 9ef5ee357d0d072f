export interface StaticRoute {
  type?: string;
  body: string;
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startStaticServer(opts: {
  root: string;
  port: number;
  host?: string;
  routes?: Record<string, () => StaticRoute>;
}): Promise<StaticServer>;
