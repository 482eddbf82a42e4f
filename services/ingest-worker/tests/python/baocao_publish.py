#!/usr/bin/env python3
"""A department's publisher for baocao, written against the message contract
(DESIGN.md, "The message contract") with nothing from baocao's Rust code.

    baocao_publish.py publish --url URL --file REPORT.txt --department so-khdt \
        [--period 2024-05] [--message-id ID] [--content-type TYPE] \
        [--exchange baocao.uploads] [--routing-key report]
        Publishes the file's bytes unchanged, with publisher confirms, and
        prints the message id.

    baocao_publish.py dead-letters --url URL [--queue baocao.reports.dead]
        Takes every dead letter off the queue and prints one JSON object a
        line: {"messageId": ..., "error": <x-baocao-error>, "department": ...}.

Needs pika (pip install pika).
"""

import argparse
import json
import os
import sys
import time
import uuid

import pika


def publish(args):
    connection = pika.BlockingConnection(pika.URLParameters(args.url))
    channel = connection.channel()
    channel.confirm_delivery()
    with open(args.file, "rb") as f:
        body = f.read()
    headers = {
        "x-department": args.department,
        "x-filename": os.path.basename(args.file),
    }
    if args.period:
        headers["x-period"] = args.period
    message_id = args.message_id or str(uuid.uuid4())
    properties = pika.BasicProperties(
        content_type=args.content_type,
        message_id=message_id,
        timestamp=int(time.time()),
        app_id="baocao-publish.py",
        delivery_mode=pika.DeliveryMode.Persistent,
        headers=headers,
    )
    try:
        channel.basic_publish(
            exchange=args.exchange,
            routing_key=args.routing_key,
            body=body,
            properties=properties,
            mandatory=True,
        )
    except pika.exceptions.UnroutableError:
        sys.exit(f"no queue is bound to {args.exchange} with key {args.routing_key}")
    except pika.exceptions.NackError:
        sys.exit("the broker refused the message")
    connection.close()
    print(message_id)


def dead_letters(args):
    connection = pika.BlockingConnection(pika.URLParameters(args.url))
    channel = connection.channel()
    while True:
        method, properties, body = channel.basic_get(args.queue, auto_ack=True)
        if method is None:
            break
        headers = properties.headers or {}

        def text(v):
            return v.decode("utf-8") if isinstance(v, bytes) else v

        print(
            json.dumps(
                {
                    "messageId": properties.message_id,
                    "error": text(headers.get("x-baocao-error")),
                    "department": text(headers.get("x-department")),
                    "bytes": len(body),
                },
                ensure_ascii=False,
            )
        )
    connection.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    pub = sub.add_parser("publish")
    pub.add_argument("--url", default="amqp://guest:guest@127.0.0.1:5672/%2f")
    pub.add_argument("--exchange", default="baocao.uploads")
    pub.add_argument("--routing-key", default="report")
    pub.add_argument("--file", required=True)
    pub.add_argument("--department", required=True)
    pub.add_argument("--period")
    pub.add_argument("--message-id")
    pub.add_argument("--content-type", default="text/plain; charset=utf-8")
    dead = sub.add_parser("dead-letters")
    dead.add_argument("--url", default="amqp://guest:guest@127.0.0.1:5672/%2f")
    dead.add_argument("--queue", default="baocao.reports.dead")
    args = p.parse_args()
    if args.command == "publish":
        publish(args)
    else:
        dead_letters(args)


if __name__ == "__main__":
    main()
