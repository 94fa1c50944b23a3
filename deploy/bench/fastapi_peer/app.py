"""The FastAPI peer of the platform benchmark (deploy/bench/platform.sh).

It validates the same plan request body as POST /api/v1/plans (contracts/src/main/resources/openapi/
plan-api.yaml; the limits of services/intake/.../PlanRequestValidator.java) and answers 202 with a JSON body
shaped like the platform's, but it writes nothing: no broker, no database. It is the yardstick of what a
validating Python endpoint costs on the same machine in the same run.

Written for the pydantic 1.x that Debian's python3-fastapi (0.92) brings; run by uvicorn:
    python3 -m uvicorn app:app --app-dir deploy/bench/fastapi_peer --workers 2 --loop uvloop --http httptools
"""
import uuid
from decimal import Decimal
from enum import Enum
from typing import List, Optional

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, conint, constr, root_validator, validator

# the limits of PlanRequestValidator
MAX_NAME_LENGTH = 200
MAX_RPS = 10_000_000
MAX_ENGINEERS = 10_000
MAX_TIMELINE_WEEKS = 520
MAX_BUDGET = Decimal("1000000000000")


class ProductKind(str, Enum):
    SAAS = "SAAS"
    MARKETPLACE = "MARKETPLACE"
    CMS = "CMS"
    INTERNAL_TOOL = "INTERNAL_TOOL"
    PUBLIC_API = "PUBLIC_API"
    MICROSERVICE = "MICROSERVICE"
    ML_INFERENCE = "ML_INFERENCE"


class Feature(str, Enum):
    AUTH = "AUTH"
    BILLING = "BILLING"
    ADMIN_PANEL = "ADMIN_PANEL"
    CMS = "CMS"
    ASYNC_FANOUT = "ASYNC_FANOUT"
    STREAMING = "STREAMING"
    ML_INFERENCE = "ML_INFERENCE"


class ExistingFramework(str, Enum):
    NONE = "NONE"
    DJANGO = "DJANGO"
    FASTAPI = "FASTAPI"


def _enum_name(value):
    # intake accepts enum names case-insensitively and trimmed; only strings
    if isinstance(value, str):
        return value.strip().upper()
    return value


class Product(BaseModel):
    name: constr(strict=True, strip_whitespace=True, min_length=1, max_length=MAX_NAME_LENGTH)
    kind: ProductKind
    features: List[Feature] = []
    expectedRps: conint(strict=True, ge=0, le=MAX_RPS)
    existingFramework: ExistingFramework = ExistingFramework.NONE

    @validator("kind", "existingFramework", pre=True)
    def enum_names(cls, value):
        return _enum_name(value)

    @validator("features", pre=True)
    def feature_names(cls, value):
        if value is None:
            return []
        if isinstance(value, list):
            return [_enum_name(item) for item in value]
        return value

    @validator("features")
    def distinct_sorted(cls, value):
        # intake normalises features to a sorted, distinct list
        return sorted(set(value), key=lambda feature: list(Feature).index(feature))


class Team(BaseModel):
    engineers: conint(strict=True, ge=0, le=MAX_ENGINEERS)
    seniorEngineers: conint(strict=True, ge=0, le=MAX_ENGINEERS) = 0

    @root_validator(skip_on_failure=True)
    def seniors_among_engineers(cls, values):
        if values["seniorEngineers"] > values["engineers"]:
            raise ValueError("team.seniorEngineers must not exceed team.engineers: seniors are counted among "
                             "the engineers")
        return values


class PlanRequest(BaseModel):
    product: Product
    team: Team
    timelineWeeks: conint(strict=True, ge=1, le=MAX_TIMELINE_WEEKS)
    budgetUsd: Optional[Decimal] = None

    @validator("budgetUsd", pre=True)
    def budget_is_a_number(cls, value):
        # a JSON number only, as intake: no strings, no booleans
        if value is not None and (isinstance(value, (str, bool)) or not isinstance(value, (int, float))):
            raise ValueError("must be a number of US dollars")
        return value

    @validator("budgetUsd")
    def budget_in_cents(cls, value):
        if value is None:
            return value
        if value < 0 or value > MAX_BUDGET:
            raise ValueError("must be between 0 and " + str(MAX_BUDGET))
        if value.normalize().as_tuple().exponent < -2:
            raise ValueError("must have at most two decimals (cents)")
        return value


app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


@app.post("/api/v1/plans", status_code=202)
async def request_plan(request: PlanRequest):
    plan_id = str(uuid.uuid4())
    return JSONResponse(status_code=202, content={"planId": plan_id, "status": "PENDING"},
                        headers={"Location": "/api/v1/plans/" + plan_id})
