/**
 * Socket Mode as Slack runs it: apps.connections.open hands out a one-time ticket URL, the socket
 * that upgrades with it is sent `hello`, and envelopes sent to the app wait for its ack.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Recorder } from './recorder.ts';
import type { EnvelopeOptions, EnvelopeType, Json, SocketAck } from './types.ts';
import type { Workspace } from './workspace/workspace.ts';

interface PendingAck {
  socket: WebSocket;
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class SocketMode {
  private readonly sockets = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, PendingAck>();
  private readonly socketServer = new WebSocketServer({ noServer: true });

  constructor(
    private readonly workspace: Workspace,
    private readonly recorder: Recorder,
  ) {}

  get socketCount(): number {
    return this.sockets.size;
  }

  socketConnected(timeoutMs: number): Promise<void> {
    return this.recorder
      .waitUntil(
        () => (this.sockets.size > 0 ? true : undefined),
        timeoutMs,
        () =>
          `no Socket Mode connection (apps.connections.open calls: ${this.recorder.callsTo('apps.connections.open').length})`,
      )
      .then(() => undefined);
  }

  sendEnvelope(type: EnvelopeType, payload: Json, options: EnvelopeOptions): Promise<SocketAck> {
    const socket = [...this.sockets].at(-1);
    if (!socket)
      return Promise.reject(new Error('SlackStandIn: no Socket Mode connection to send an envelope on'));
    const envelopeId = randomUUID();
    const envelope: Json = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: options.acceptsResponsePayload ?? type !== 'events_api',
    };
    if (type === 'events_api') {
      envelope.retry_attempt = options.retryAttempt ?? 0;
      envelope.retry_reason = options.retryReason ?? '';
    }
    const timeoutMs = options.timeoutMs ?? 5_000;
    const timeoutError = new Error(
      `SlackStandIn: envelope ${envelopeId} (${type}) was not acked within ${timeoutMs} ms`,
    );
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(timeoutError);
      }, timeoutMs);
      this.pendingAcks.set(envelopeId, { socket, resolve, reject, timer });
      socket.send(JSON.stringify(envelope));
    });
  }

  async disconnectSockets(options: { graceful?: boolean }): Promise<void> {
    const targets = [...this.sockets];
    await Promise.all(
      targets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once('close', () => resolve());
            if (options.graceful) {
              socket.send(
                JSON.stringify({
                  type: 'disconnect',
                  reason: 'refresh_requested',
                  debug_info: { host: 'fake-slack' },
                }),
              );
            } else {
              socket.terminate();
            }
          }),
      ),
    );
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', this.workspace.identity.url);
    const ticket = url.searchParams.get('ticket');
    if (url.pathname !== '/socket' || !ticket || !this.workspace.world.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.socketServer.handleUpgrade(req, socket, head, (ws) => this.acceptSocket(ws));
  }

  /** Fails every envelope still waiting for its ack with `error`. */
  rejectPendingAcks(error: Error): void {
    for (const [envelopeId, pending] of this.pendingAcks) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pendingAcks.delete(envelopeId);
    }
  }

  /** Cuts every socket and stops accepting new ones. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.socketServer.close(() => resolve()));
  }

  private acceptSocket(socket: WebSocket): void {
    socket.on('error', () => socket.terminate());
    socket.on('message', (data) => this.receiveSocketMessage(data.toString()));
    socket.on('close', () => {
      this.sockets.delete(socket);
      for (const [envelopeId, pending] of this.pendingAcks) {
        if (pending.socket !== socket) continue;
        clearTimeout(pending.timer);
        this.pendingAcks.delete(envelopeId);
        pending.reject(new Error(`SlackStandIn: socket closed before envelope ${envelopeId} was acked`));
      }
      this.recorder.notify();
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size + 1,
        debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18_060 },
        connection_info: { app_id: this.workspace.identity.appId },
      }),
    );
    this.sockets.add(socket);
    this.recorder.notify();
  }

  private receiveSocketMessage(text: string): void {
    let message: Json;
    try {
      message = JSON.parse(text) as Json;
    } catch {
      return;
    }
    const envelopeId = typeof message.envelope_id === 'string' ? message.envelope_id : undefined;
    const pending = envelopeId ? this.pendingAcks.get(envelopeId) : undefined;
    if (!envelopeId || !pending) return;
    clearTimeout(pending.timer);
    this.pendingAcks.delete(envelopeId);
    const payload = message.payload as Json | undefined;
    pending.resolve(
      payload === undefined ? { envelope_id: envelopeId } : { envelope_id: envelopeId, payload },
    );
  }
}
