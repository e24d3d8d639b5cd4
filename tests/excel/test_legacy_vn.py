"""Tests for desktop.excel.legacy_vn (TCVN3 / VNI legacy text -> Unicode)."""

import unicodedata

import pytest

from desktop.excel.legacy_vn import detect, fix_column, fix_legacy, to_unicode

# ---------------------------------------------------------------------------
# Reverse tables written out independently of the module (same order as the
# public tables of UniKey VnConv / duydev vietnamese-conversion): each legacy
# string is the cp1252 view of the legacy bytes.
# ---------------------------------------------------------------------------
UNI_LOWER = "aáàảãạâấầẩẫậăắằẳẵặeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵđ"
UNI_UPPER = unicodedata.normalize("NFC", UNI_LOWER.upper())

# TCVN3: one code per lowercase letter; uppercase only for the bases Ă Â Đ Ê Ô Ơ Ư.
TCVN3_LOWER = [
    "a",
    "¸",
    "µ",
    "¶",
    "·",
    "¹",
    "©",
    "Ê",
    "Ç",
    "È",
    "É",
    "Ë",
    "¨",
    "¾",
    "»",
    "¼",
    "½",
    "Æ",
    "e",
    "Ð",
    "Ì",
    "Î",
    "Ï",
    "Ñ",
    "ª",
    "Õ",
    "Ò",
    "Ó",
    "Ô",
    "Ö",
    "i",
    "Ý",
    "×",
    "Ø",
    "Ü",
    "Þ",
    "o",
    "ã",
    "ß",
    "á",
    "â",
    "ä",
    "«",
    "è",
    "å",
    "æ",
    "ç",
    "é",
    "¬",
    "í",
    "ê",
    "ë",
    "ì",
    "î",
    "u",
    "ó",
    "ï",
    "ñ",
    "ò",
    "ô",
    "\u00ad",
    "ø",
    "õ",
    "ö",
    "÷",
    "ù",
    "y",
    "ý",
    "ú",
    "û",
    "ü",
    "þ",
    "®",
]
TCVN3_UPPER_BASES = {"Ă": "¡", "Â": "¢", "Đ": "§", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦"}

# VNI-Windows: base letter + mark, or a single byte.
VNI_LOWER = [
    "a",
    "aù",
    "aø",
    "aû",
    "aõ",
    "aï",
    "aâ",
    "aá",
    "aà",
    "aå",
    "aã",
    "aä",
    "aê",
    "aé",
    "aè",
    "aú",
    "aü",
    "aë",
    "e",
    "eù",
    "eø",
    "eû",
    "eõ",
    "eï",
    "eâ",
    "eá",
    "eà",
    "eå",
    "eã",
    "eä",
    "i",
    "í",
    "ì",
    "æ",
    "ó",
    "ò",
    "o",
    "où",
    "oø",
    "oû",
    "oõ",
    "oï",
    "oâ",
    "oá",
    "oà",
    "oå",
    "oã",
    "oä",
    "ô",
    "ôù",
    "ôø",
    "ôû",
    "ôõ",
    "ôï",
    "u",
    "uù",
    "uø",
    "uû",
    "uõ",
    "uï",
    "ö",
    "öù",
    "öø",
    "öû",
    "öõ",
    "öï",
    "y",
    "yù",
    "yø",
    "yû",
    "yõ",
    "î",
    "ñ",
]
VNI_UPPER = [
    "A",
    "AÙ",
    "AØ",
    "AÛ",
    "AÕ",
    "AÏ",
    "AÂ",
    "AÁ",
    "AÀ",
    "AÅ",
    "AÃ",
    "AÄ",
    "AÊ",
    "AÉ",
    "AÈ",
    "AÚ",
    "AÜ",
    "AË",
    "E",
    "EÙ",
    "EØ",
    "EÛ",
    "EÕ",
    "EÏ",
    "EÂ",
    "EÁ",
    "EÀ",
    "EÅ",
    "EÃ",
    "EÄ",
    "I",
    "Í",
    "Ì",
    "Æ",
    "Ó",
    "Ò",
    "O",
    "OÙ",
    "OØ",
    "OÛ",
    "OÕ",
    "OÏ",
    "OÂ",
    "OÁ",
    "OÀ",
    "OÅ",
    "OÃ",
    "OÄ",
    "Ô",
    "ÔÙ",
    "ÔØ",
    "ÔÛ",
    "ÔÕ",
    "ÔÏ",
    "U",
    "UÙ",
    "UØ",
    "UÛ",
    "UÕ",
    "UÏ",
    "Ö",
    "ÖÙ",
    "ÖØ",
    "ÖÛ",
    "ÖÕ",
    "ÖÏ",
    "Y",
    "YÙ",
    "YØ",
    "YÛ",
    "YÕ",
    "Î",
    "Ñ",
]

assert len(UNI_LOWER) == len(UNI_UPPER) == len(TCVN3_LOWER) == len(VNI_LOWER) == len(VNI_UPPER) == 73

TCVN3_ENC = dict(zip(UNI_LOWER, TCVN3_LOWER)) | TCVN3_UPPER_BASES
VNI_ENC = dict(zip(UNI_LOWER, VNI_LOWER)) | dict(zip(UNI_UPPER, VNI_UPPER))


def enc_tcvn3(text: str) -> str:
    # uppercase toned letters share the lowercase code
    return "".join(ch if ch.isascii() else TCVN3_ENC.get(ch, TCVN3_ENC.get(ch.lower(), ch)) for ch in text)


def enc_vni(text: str) -> str:
    return "".join(VNI_ENC.get(ch, ch) for ch in text)


def is_nfc(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


# ---------------------------------------------------------------------------
# Conversion: every letter
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("letter", list(UNI_LOWER))
def test_tcvn3_every_lowercase_letter(letter):
    word = "t" + letter + "n"
    out = to_unicode(enc_tcvn3(word), "tcvn3")
    assert out == word and is_nfc(out)


@pytest.mark.parametrize("letter", list(UNI_UPPER))
def test_tcvn3_every_uppercase_letter_in_capital_word(letter):
    # TCVN3 has no uppercase toned codes: a word in capitals restores them
    word = "T" + letter + "NG"
    out = to_unicode(enc_tcvn3(word), "tcvn3")
    assert out == word and is_nfc(out)


def test_tcvn3_uppercase_bases_have_own_codes():
    for uni, legacy in TCVN3_UPPER_BASES.items():
        assert to_unicode(legacy + "n", "tcvn3") == uni + "n"


@pytest.mark.parametrize("letter", list(UNI_LOWER + UNI_UPPER))
def test_vni_every_letter(letter):
    for word in ("t" + letter + "n", letter, "B" + letter):
        out = to_unicode(enc_vni(word), "vni")
        assert out == word and is_nfc(out)


def test_whole_alphabet_round_trip():
    assert to_unicode(enc_vni(UNI_LOWER + " " + UNI_UPPER), "vni") == UNI_LOWER + " " + UNI_UPPER
    assert to_unicode(enc_tcvn3(" ".join(UNI_LOWER)), "tcvn3") == " ".join(UNI_LOWER)


# ---------------------------------------------------------------------------
# Conversion: hand-written samples from the real tables
# ---------------------------------------------------------------------------
TCVN3_SAMPLES = [
    ("Bé Y tÕ", "Bộ Y tế"),
    ("Së Y tÕ", "Sở Y tế"),
    ("Khoa D\u00adîc", "Khoa Dược"),
    ("Phßng KÕ ho¹ch", "Phòng Kế hoạch"),
    ("Së Y tÕ tØnh B×nh ThuËn", "Sở Y tế tỉnh Bình Thuận"),
    ("BÖnh viÖn Phæi B×nh ThuËn", "Bệnh viện Phổi Bình Thuận"),
    ("KÕ ho¹ch sè 12/KH-BV ngµy 05/03/2024", "Kế hoạch số 12/KH-BV ngày 05/03/2024"),
    ("Tæng sè gi\u00adêng bÖnh: 250 (t¨ng 10%)", "Tổng số giường bệnh: 250 (tăng 10%)"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Khoa Håi søc cÊp cøu", "Khoa Hồi sức cấp cứu"),
    ("TR¦êNG §¹I HäC Y D¦îC", "TRƯỜNG ĐẠI HỌC Y DƯỢC"),
    ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("NguyÔn V¨n Quúnh, §µ N½ng", "Nguyễn Văn Quỳnh, Đà Nẵng"),
]

VNI_SAMPLES = [
    ("Boä Y teá", "Bộ Y tế"),
    ("Sôû Y teá", "Sở Y tế"),
    ("Khoa Döôïc", "Khoa Dược"),
    ("Phoøng Keá hoaïch", "Phòng Kế hoạch"),
    ("Sôû Y teá tænh Bình Thuaän", "Sở Y tế tỉnh Bình Thuận"),
    ("Beänh vieän Phoåi Bình Thuaän", "Bệnh viện Phổi Bình Thuận"),
    ("Keá hoaïch soá 12/KH-BV ngaøy 05/03/2024", "Kế hoạch số 12/KH-BV ngày 05/03/2024"),
    ("Toång soá giöôøng beänh: 250 (taêng 10%)", "Tổng số giường bệnh: 250 (tăng 10%)"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("TRÖÔØNG ÑAÏI HOÏC Y DÖÔÏC", "TRƯỜNG ĐẠI HỌC Y DƯỢC"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Nguyeãn Vaên Quyønh, Ñaø Naüng", "Nguyễn Văn Quỳnh, Đà Nẵng"),
]


@pytest.mark.parametrize("legacy,expected", TCVN3_SAMPLES)
def test_tcvn3_samples(legacy, expected):
    out = to_unicode(legacy, "tcvn3")
    assert out == expected and is_nfc(out)
    assert detect(legacy) == "tcvn3"
    assert fix_legacy(legacy) == (expected, "tcvn3")


@pytest.mark.parametrize("legacy,expected", VNI_SAMPLES)
def test_vni_samples(legacy, expected):
    out = to_unicode(legacy, "vni")
    assert out == expected and is_nfc(out)
    assert detect(legacy) == "vni"
    assert fix_legacy(legacy) == (expected, "vni")


def test_encoders_reproduce_hand_samples():
    # the test-side reverse tables agree with the hand-written samples
    for legacy, uni in VNI_SAMPLES:
        assert enc_vni(uni) == legacy
    assert enc_tcvn3("Bộ Y tế") == "Bé Y tÕ"
    assert enc_tcvn3("Khoa Dược") == "Khoa D\u00adîc"


def test_tcvn3_title_case_is_kept_when_ambiguous():
    # "SỞ Y TẾ" and "Sở Y Tế" have the same TCVN3 form; prefer title case
    assert to_unicode("Së Y TÕ", "tcvn3") == "Sở Y Tế"
    assert to_unicode("Së Y TÕ TØNH B×NH THUËN", "tcvn3") == "SỞ Y TẾ TỈNH BÌNH THUẬN"


def test_vni_lenient_mark_case():
    assert to_unicode("Aù", "vni") == "Á"
    assert to_unicode("aÙ", "vni") == "á"


def test_unknown_encoding():
    with pytest.raises(ValueError):
        to_unicode("abc", "viscii")


def test_ascii_unchanged():
    for enc in ("tcvn3", "vni"):
        assert to_unicode("Khoa Noi 123 - ABC", enc) == "Khoa Noi 123 - ABC"


# ---------------------------------------------------------------------------
# Detection: no false positives
# ---------------------------------------------------------------------------
UNICODE_PHRASES = [
    "Bệnh viện Phổi Bình Thuận",
    "Chuyển đổi số",
    "Tập huấn",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Sở Y tế tỉnh Bình Thuận",
    "Bộ Y tế",
    "Khoa Dược",
    "Phòng Kế hoạch tổng hợp",
    "Khoa Hồi sức cấp cứu",
    "Ông Nguyễn Văn Ân",
    "Ơn nghĩa sinh thành",
    "Ưu tiên người cao tuổi",
    "Đăng ký khám bệnh",
    "ăn uống đủ chất",
    "TRƯỜNG ĐẠI HỌC Y DƯỢC",
    "Số: 123/KH-BVP ngày 05/03/2024",
    "Phú Yên",
    "Cà Mau",
    "Tây Ninh",
    "Công ty",
    "Bà Rịa - Vũng Tàu",
    "Hà Nội",
    "Trưởng phòng",
    "Cô Tô",
    "Tô Văn Hòa",
    "Ô tô",
    "Điều dưỡng trưởng",
    "Khám sức khỏe định kỳ năm 2024",
    "Kiểm soát nhiễm khuẩn",
    "Tiếng Việt",  # NFD form is tested below
    "Giường bệnh: 250 (tăng 10%)",
]


@pytest.mark.parametrize("text", UNICODE_PHRASES)
def test_no_false_positive_on_unicode(text):
    assert detect(text) is None
    assert detect(unicodedata.normalize("NFD", text)) is None
    assert fix_legacy(text) == (text, None)


OTHER_TEXT = [
    "",
    "Hello World",
    "The café is closed on Sunday",
    "naïve résumé, crème brûlée",
    "Müller & Söhne GmbH, Zürich",
    "Straße",
    "São Paulo",
    "Noël à Paris",
    "España piñata mañana",
    "© 2024 Acme Inc.",
    "© 2024 Công ty",
    "Temperature 37°C",
    "50 µg/ml",
    "± 5% × 3 ÷ 2",
    "§ 3",
    "12/03/2024",
    "1.250.000",
    "25%",
    "Bá»‡nh viá»‡n",  # UTF-8 mojibake is not a legacy font encoding
    "Lü",
    "Phßng",  # one word with one legacy letter: unsure
    "Bé",
    "Où est la gare ?",
    "Lü Bu Wei",
    "Caïn et Abel",
]


@pytest.mark.parametrize("text", OTHER_TEXT)
def test_no_false_positive_on_other_text(text):
    assert detect(text) is None
    assert fix_legacy(text) == (text, None)


SHORT_NAMES = [
    "Khoa Sản",
    "Khoa Mắt",
    "Khoa Ngoại",
    "Khoa Dược",
    "Phòng Kế hoạch",
    "Cà Mau",
    "Tây Ninh",
    "Công ty TNHH",
    "Ý kiến",
    "Ô tô",
]


@pytest.mark.parametrize("name", SHORT_NAMES)
def test_short_names_detected(name):
    # TCVN3 has no code for a capital toned letter: "Ý" comes back as "ý"
    expected = name.replace("Ý", "ý")
    assert fix_legacy(enc_tcvn3(name)) == (expected, "tcvn3")
    if name not in ("Ý kiến", "Ô tô"):  # one-letter words alone are too short in VNI
        assert fix_legacy(enc_vni(name)) == (name, "vni")


# ---------------------------------------------------------------------------
# fix_column
# ---------------------------------------------------------------------------
def test_fix_column_tcvn3_short_values():
    # each word alone is too short to be sure; the column together is not
    values = ["Phßng", "Khoa", "Bé", "Së", "KÕ to¸n", "", "123"]
    out, enc = fix_column(values)
    assert enc == "tcvn3"
    assert out == ["Phòng", "Khoa", "Bộ", "Sở", "Kế toán", "", "123"]


def test_fix_column_vni_with_unicode_cell_and_none():
    values = ["Khoa Döôïc", None, "Phoøng Keá hoaïch", "Khoa Nội", 42]
    out, enc = fix_column(values)
    assert enc == "vni"
    assert out == ["Khoa Dược", None, "Phòng Kế hoạch", "Khoa Nội", 42]


def test_fix_column_unicode_unchanged():
    values = list(UNICODE_PHRASES)
    out, enc = fix_column(values)
    assert enc is None
    assert out == values


def test_fix_column_output_nfc():
    out, enc = fix_column([legacy for legacy, _ in TCVN3_SAMPLES])
    assert enc == "tcvn3"
    assert out == [uni for _, uni in TCVN3_SAMPLES]
    assert all(is_nfc(v) for v in out)
