"""An independent client of baocao's gRPC API, in Python with grpcio.

Its stubs are generated from proto/ at test time (grpc_tools.protoc) and
nothing else of baocao is used: this shows that the .proto files alone are a
usable contract. The Rust test `python::grpcio_client_uses_the_proto_alone`
starts a seeded server and runs this script with:

  BAOCAO_ADDR        host:port of the server (plaintext)
  BAOCAO_TOKEN       a bearer token with the read scope
  BAOCAO_REPORT_ID   the id of the stored seed report
  BAOCAO_ISSUER      its issuer
  BAOCAO_IIP_COUNT   how many IIP observations are stored
  BAOCAO_TASK_COUNT  how many tasks are stored

Exits non-zero on the first failed check.
"""

import os
import sys

import grpc

from baocao.v1 import indicator_service_pb2 as ind
from baocao.v1 import indicator_service_pb2_grpc as ind_grpc
from baocao.v1 import report_service_pb2 as rep
from baocao.v1 import report_service_pb2_grpc as rep_grpc
from baocao.v1 import task_service_pb2 as tsk
from baocao.v1 import task_service_pb2_grpc as tsk_grpc

CHECKS = 0


def check(cond, what):
    global CHECKS
    if not cond:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)
    CHECKS += 1


def all_pages(call, request, field):
    items, pages = [], 0
    while True:
        resp = call(request, metadata=AUTH, timeout=30)
        items.extend(getattr(resp, field))
        pages += 1
        if not resp.next_page_token:
            return items, pages
        request.page_token = resp.next_page_token


addr = os.environ["BAOCAO_ADDR"]
token = os.environ["BAOCAO_TOKEN"]
report_id = os.environ["BAOCAO_REPORT_ID"]
issuer = os.environ["BAOCAO_ISSUER"]
iip_count = int(os.environ["BAOCAO_IIP_COUNT"])
task_count = int(os.environ["BAOCAO_TASK_COUNT"])
AUTH = [("authorization", f"Bearer {token}")]

channel = grpc.insecure_channel(addr)
reports = rep_grpc.ReportServiceStub(channel)
indicators = ind_grpc.IndicatorServiceStub(channel)
tasks = tsk_grpc.TaskServiceStub(channel)

# GetReport, both views.
full = reports.GetReport(
    rep.GetReportRequest(id=report_id, view=rep.REPORT_VIEW_FULL), metadata=AUTH, timeout=30
).report
check(full.id == report_id, "GetReport returns the report asked for")
check(full.metadata.issuer == issuer, f"issuer {full.metadata.issuer!r}")
check(len(full.sections) > 0 and len(full.observations) > 0, "FULL has sections and observations")
check(full.metadata.reporting_period.start == "2024-05-01", "dates are ISO strings")
basic = reports.GetReport(rep.GetReportRequest(id=report_id), metadata=AUTH, timeout=30).report
check(len(basic.sections) == 0 and basic.source.department == "so-khdt", "BASIC by default")

# ListObservations, paged to the end.
obs, pages = all_pages(
    indicators.ListObservations,
    ind.ListObservationsRequest(indicators=["iip"], page_size=5),
    "observations",
)
check(len(obs) == iip_count, f"{len(obs)} IIP observations, expected {iip_count}")
check(pages == -(-iip_count // 5), f"{pages} pages of 5")
check(all(o.observation.indicator == "iip" for o in obs), "only IIP")

# GetSeries with revisions.
series = indicators.GetSeries(
    ind.GetSeriesRequest(indicator="iip", issuer=issuer), metadata=AUTH, timeout=30
)
check(len(series.points) > 0, "the IIP series has points")
check(any(len(p.revisions) > 0 for p in series.points), "later reports keep earlier figures as revisions")
starts = [(p.period.start, p.period.end) for p in series.points]
check(starts == sorted(starts), "points ordered by period")
check(all(p.latest.observation.provenance.sentence for p in series.points), "FULL view by default: sentences")
slim = indicators.GetSeries(
    ind.GetSeriesRequest(indicator="iip", issuer=issuer, view=ind.OBSERVATION_VIEW_BASIC),
    metadata=AUTH,
    timeout=30,
)
check(
    [(p.latest.report_id, p.latest.observation.provenance.span.start) for p in slim.points]
    == [(p.latest.report_id, p.latest.observation.provenance.span.start) for p in series.points],
    "BASIC view: the same figures, still traceable to report and span",
)
check(not any(p.latest.observation.provenance.sentence for p in slim.points), "BASIC view: no sentences")
check(slim.ByteSize() < series.ByteSize(), f"BASIC is smaller: {slim.ByteSize()} < {series.ByteSize()}")

# gRPC compression: a gzip-compressed request is read, and the answer is
# the same series (grpc-core clients accept gzip answers by default, so the
# calls above were answered compressed already).
zipped = grpc.insecure_channel(addr, compression=grpc.Compression.Gzip)
again = ind_grpc.IndicatorServiceStub(zipped).GetSeries(
    ind.GetSeriesRequest(indicator="iip", issuer=issuer), metadata=AUTH, timeout=30
)
check(again == series, "a gzip-compressed request gets the same series")
zipped.close()

# ListTasks, paged to the end.
all_tasks, _ = all_pages(tasks.ListTasks, tsk.ListTasksRequest(page_size=7), "tasks")
check(len(all_tasks) == task_count, f"{len(all_tasks)} tasks, expected {task_count}")
check(all(t.task.title for t in all_tasks), "tasks have titles")
# A cited document's type, lowercase and without its diacritics.
cited = [(d.number, d.doc_type) for t in all_tasks for d in t.task.document_references]
check(any(k for _, k in cited), "some cited document has a type")
kind = next(k for _, k in cited if k)
by_type, _ = all_pages(
    tasks.ListTasks,
    tsk.ListTasksRequest(page_size=7, document_type=kind.lower().replace("đ", "d")),
    "tasks",
)
want = [t for t in all_tasks if any(d.doc_type == kind for d in t.task.document_references)]
check(len(by_type) == len(want), f"{len(by_type)} tasks cite a {kind}, expected {len(want)}")

# SearchReports, diacritic-insensitive, with byte-range highlights.
hits, _ = all_pages(
    reports.SearchReports, rep.SearchReportsRequest(query="giai ngan", page_size=10), "hits"
)
check(len(hits) > 0, "search finds giải ngân")
for h in hits:
    snippet = h.snippet.encode("utf-8")
    for span in h.highlights:
        word = snippet[span.start : span.end].decode("utf-8").lower()
        check(word in ("giải", "ngân", "giai", "ngan"), f"highlight {word!r}")

# Errors a client can act on.
try:
    reports.GetReport(rep.GetReportRequest(id=report_id), timeout=30)
    check(False, "a call without a token fails")
except grpc.RpcError as e:
    check(e.code() == grpc.StatusCode.UNAUTHENTICATED, f"no token: {e.code()}")
try:
    indicators.GetSeries(ind.GetSeriesRequest(indicator="unicorns", issuer=issuer), metadata=AUTH, timeout=30)
    check(False, "an unknown indicator fails")
except grpc.RpcError as e:
    check(e.code() == grpc.StatusCode.NOT_FOUND, f"unknown indicator: {e.code()}")
try:
    indicators.ListObservations(ind.ListObservationsRequest(page_token="forged"), metadata=AUTH, timeout=30)
    check(False, "a forged page token fails")
except grpc.RpcError as e:
    check(e.code() == grpc.StatusCode.INVALID_ARGUMENT, f"forged token: {e.code()}")
    check("page_token" in e.details(), f"names the field: {e.details()}")

print(f"python grpcio client: {CHECKS} checks passed")
