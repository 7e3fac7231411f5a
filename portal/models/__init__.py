from .images import CustomImage, Rendition
from .languages import Language
from .memberships import Membership
from .organisations import Organisation, OrganisationStatus
from .pages import HomePage, StandardPage
from .taxonomy import (
    ActionArea,
    Country,
    FundingInstrument,
    OrganisationType,
    SubTheme,
    TargetGroup,
)
from .users import User

__all__ = [
    "ActionArea",
    "Country",
    "CustomImage",
    "FundingInstrument",
    "HomePage",
    "Language",
    "Membership",
    "Organisation",
    "OrganisationStatus",
    "OrganisationType",
    "Rendition",
    "StandardPage",
    "SubTheme",
    "TargetGroup",
    "User",
]
