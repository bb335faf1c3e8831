import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { inArrivalOrder } from "~/server/arrival-order";

const request = {} as Request;
const response = {} as Response;
/** One turn of Node's event loop: resolves in the check phase after the middleware's own turn. */
const turn = () => new Promise<void>((done) => setImmediate(done));

describe("inArrivalOrder", () => {
  it("holds a request for a turn of the event loop, then starts requests in the order they came, one a turn", async () => {
    const middleware = inArrivalOrder();
    const started: string[] = [];
    const arrive = (name: string) => middleware(request, response, (() => started.push(name)) as NextFunction);

    arrive("first");
    arrive("second");
    arrive("third");
    expect(started).toEqual([]); // nothing runs while Node is still reading what has arrived

    await turn();
    expect(started).toEqual(["first"]);

    arrive("fourth"); // arrives while three are started or waiting: it goes to the back
    await turn();
    expect(started).toEqual(["first", "second"]);

    await turn();
    await turn();
    expect(started).toEqual(["first", "second", "third", "fourth"]);
  });

  it("starts a request that arrives after the queue has emptied on the next turn", async () => {
    const middleware = inArrivalOrder();
    const started: string[] = [];
    middleware(request, response, (() => started.push("early")) as NextFunction);
    await turn();
    await turn();
    middleware(request, response, (() => started.push("late")) as NextFunction);
    expect(started).toEqual(["early"]);
    await turn();
    expect(started).toEqual(["early", "late"]);
  });
});
