from .images import CustomImage, Rendition
from .languages import Language
from .memberships import Membership
from .organisations import Organisation, OrganisationStatus
from .pages import HomePage, StandardPage
from .revisions import Revision
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
    "Revision",
    "StandardPage",
    "SubTheme",
    "TargetGroup",
    "User",
]
