from .editions import EditionMixin
from .follows import AlertDelivery, Frequency, SavedSearch
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
    "AlertDelivery",
    "Country",
    "CustomImage",
    "EditionMixin",
    "Frequency",
    "FundingInstrument",
    "HomePage",
    "Language",
    "Membership",
    "Organisation",
    "OrganisationStatus",
    "OrganisationType",
    "Rendition",
    "Revision",
    "SavedSearch",
    "StandardPage",
    "SubTheme",
    "TargetGroup",
    "User",
]
