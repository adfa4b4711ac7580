"""schemathesis generates requests from the OpenAPI spec against the app on a real store: no 500s.

Driven through hypothesis directly (schemathesis's pytest plugin does not run under pytest 9).
"""

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is a test extra: pip install -e .[test]")
from hypothesis import HealthCheck, given, settings  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture
def api_schema(falkordb_store):
    from guanxi.api.app import create_app
    from guanxi.api.settings import Settings
    from tests.test_store import small_articles

    falkordb_store.add(small_articles())
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(falkordb_store, Settings(api_key="k")))


def test_no_generated_request_gets_a_server_error(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    failures = []
    for operation in operations:

        @settings(
            max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True
        )  # the same examples on every run: CI is repeatable
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call(headers={"X-API-Key": "k"} if case.method in ("POST", "DELETE") else None)
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, case.query, response.text[:200]))

        check()
    assert failures == []
