from .images import CustomImage, Rendition
from .organisations import Organisation
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
    "Organisation",
    "OrganisationType",
    "Rendition",
    "StandardPage",
    "SubTheme",
    "TargetGroup",
    "User",
]
