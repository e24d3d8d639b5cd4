"""Văn bản Y tế: writes the Kế hoạch and Báo cáo of Vietnamese hospital offices (NĐ 30/2020)."""

__version__ = "0.3.0"
APP_NAME = "VanBanYTe"
APP_TITLE = "Văn bản Y tế"  # the name the user sees (window title, --version)
