//! The registry's data: canonical agency names and every spelling the corpus
//! uses for them. To teach kehoach a new spelling, add it to the alias list
//! of its entry; to add an agency, add an entry. Spelling noise (case,
//! diacritics, punctuation, "&" for "và") is ignored by [`alias_key`], so an
//! alias needs listing only once per real variant.
//!
//! Canonical names follow the import contract: the full official name as the
//! province uses it, without the province's own name.

use std::collections::HashMap;
use std::sync::OnceLock;

use kehoach_model::AgencyKind;

use super::alias_key;

/// One agency (or collective) the registry knows.
#[derive(Debug)]
pub struct Entry {
    pub name: &'static str,
    pub kind: AgencyKind,
    pub aliases: &'static [&'static str],
}

const fn dept(name: &'static str, aliases: &'static [&'static str]) -> Entry {
    Entry {
        name,
        kind: AgencyKind::Department,
        aliases,
    }
}

const fn group(name: &'static str, aliases: &'static [&'static str]) -> Entry {
    Entry {
        name,
        kind: AgencyKind::Collective,
        aliases,
    }
}

/// Departments list their bare field ("Y tế", "TN&MT") too: lists with a
/// shared prefix ("Các Sở: NN&PTNT, KH&ĐT") name members by it alone.
pub static ENTRIES: &[Entry] = &[
    dept(
        "Sở Kế hoạch và Đầu tư",
        &[
            "Kế hoạch và Đầu tư",
            "KH&ĐT",
            "KHĐT",
            "KH và ĐT",
            "KH&DT",
            "Kế hoạch - Đầu tư",
        ],
    ),
    dept("Sở Tài chính", &["Tài chính", "TC"]),
    dept(
        "Sở Lao động - Thương binh và Xã hội",
        &[
            "Lao động - Thương binh và Xã hội",
            "Lao động, Thương binh và Xã hội",
            "LĐTB&XH",
            "LĐ-TB&XH",
            "LĐ,TB&XH",
            "LĐTBXH",
            "LĐ-TBXH",
            "Lao động Thương binh và Xã hội",
        ],
    ),
    dept(
        "Sở Nông nghiệp và Phát triển nông thôn",
        &[
            "Nông nghiệp và Phát triển nông thôn",
            "NN&PTNT",
            "NNPTNT",
            "NN và PTNT",
        ],
    ),
    dept(
        "Sở Tài nguyên và Môi trường",
        &["Tài nguyên và Môi trường", "TN&MT", "TNMT", "TN và MT"],
    ),
    dept(
        "Sở Giáo dục và Đào tạo",
        &[
            "Giáo dục và Đào tạo",
            "GD&ĐT",
            "GDĐT",
            "GD và ĐT",
            "Giáo dục - Đào tạo",
        ],
    ),
    dept(
        "Sở Thông tin và Truyền thông",
        &["Thông tin và Truyền thông", "TT&TT", "TTTT", "TT và TT"],
    ),
    dept(
        "Sở Khoa học và Công nghệ",
        &["Khoa học và Công nghệ", "KH&CN", "KHCN", "KH và CN"],
    ),
    dept(
        "Sở Giao thông vận tải",
        &[
            "Giao thông vận tải",
            "Giao thông - Vận tải",
            "GTVT",
            "GT&VT",
            "GT-VT",
        ],
    ),
    dept(
        "Sở Văn hóa, Thể thao và Du lịch",
        &[
            "Văn hóa, Thể thao và Du lịch",
            "Văn hóa Thể thao và Du lịch",
            "VHTT&DL",
            "VHTTDL",
            "Văn hóa, Thể thao&DL",
            "VH,TT&DL",
            "VH-TT&DL",
        ],
    ),
    dept("Sở Y tế", &["Y tế", "YT"]),
    dept("Sở Công Thương", &["Công Thương", "CT"]),
    dept("Sở Xây dựng", &["Xây dựng", "XD"]),
    dept("Sở Tư pháp", &["Tư pháp"]),
    dept("Sở Nội vụ", &["Nội vụ"]),
    dept("Sở Ngoại vụ", &["Ngoại vụ"]),
    dept("Công an tỉnh", &["Công an", "CA tỉnh", "Công an thành phố"]),
    dept("Thanh tra tỉnh", &["Thanh tra"]),
    dept(
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        &[
            "Mặt trận Tổ quốc Việt Nam tỉnh",
            "Mặt trận Tổ quốc Việt Nam",
            "Ủy ban Mặt trận Tổ quốc Việt Nam",
            "Ủy ban MTTQ Việt Nam tỉnh",
            "UBMTTQ Việt Nam tỉnh",
            "UBMTTQVN",
            "UBMTTQ VN tỉnh",
            "MTTQ VN tỉnh",
            "MTTQ",
            "UBMTTQ",
            "MTTQ Việt Nam",
        ],
    ),
    dept(
        "Hội Liên hiệp Phụ nữ tỉnh",
        &[
            "Liên hiệp Phụ nữ tỉnh",
            "Hội LHPN tỉnh",
            "Hội LHPN",
            "Hội Liên hiệp Phụ nữ",
            "Hội Phụ nữ",
        ],
    ),
    dept("Tỉnh đoàn", &["Tỉnh Đoàn Thanh niên", "Đoàn Thanh niên"]),
    dept(
        "Ngân hàng Nhà nước chi nhánh tỉnh",
        &[
            "Ngân hàng Nhà nước",
            "NHNN tỉnh",
            "NHNN chi nhánh",
            "Chi nhánh Ngân hàng Nhà nước tỉnh",
            "Ngân hàng Nhà nước chi nhánh",
        ],
    ),
    dept(
        "Ngân hàng Chính sách xã hội tỉnh",
        &[
            "Ngân hàng Chính sách xã hội",
            "NH Chính sách xã hội tỉnh",
            "NHCSXH",
        ],
    ),
    dept(
        "Bảo hiểm xã hội tỉnh",
        &["BHXH tỉnh", "Bảo hiểm xã hội", "BHXH"],
    ),
    dept(
        "Đài Phát thanh và Truyền hình tỉnh",
        &[
            "Đài PTTH tỉnh",
            "Đài Phát thanh truyền hình tỉnh",
            "Đài PTTH",
            "Đài Phát thanh và Truyền hình",
        ],
    ),
    dept("Cục Thống kê tỉnh", &["Cục Thống kê", "CTK"]),
    dept("Cục Thuế tỉnh", &["Cục Thuế"]),
    dept("Ban Dân tộc", &["Ban Dân tộc tỉnh"]),
    dept(
        "Văn phòng Ủy ban nhân dân tỉnh",
        &["Văn phòng UBND tỉnh", "VP UBND tỉnh"],
    ),
    dept(
        "Văn phòng Điều phối Nông thôn mới",
        &[
            "VP Điều phối Nông thôn mới",
            "Văn phòng Điều phối NTM",
            "Văn phòng Điều phối NTM mới",
        ],
    ),
    dept("Tòa án nhân dân tỉnh", &["Tòa án", "TAND tỉnh"]),
    dept(
        "Viện Kiểm sát nhân dân tỉnh",
        &["VKSND tỉnh", "VKSND", "Viện KSND tỉnh"],
    ),
    dept(
        "Bộ Chỉ huy Quân sự tỉnh",
        &["BCHQS tỉnh", "Bộ Chỉ huy quân sự"],
    ),
    dept(
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        &["BCH BĐBP tỉnh", "Bộ đội Biên phòng"],
    ),
    group(
        "Ủy ban nhân dân cấp huyện",
        &[
            "UBND các huyện, thành phố",
            "UBND các huyện, thị xã, thành phố",
            "UBND các quận, huyện",
            "Ủy ban nhân dân các huyện, thành phố",
            "Ủy ban nhân dân các quận, huyện",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "UBND huyện, thành phố",
            "UBND cấp huyện",
        ],
    ),
    group(
        "Các sở, ban, ngành",
        &[
            "Các sở, ban, ngành tỉnh",
            "Các Sở, ngành",
            "Sở, ngành",
            "Các sở, ngành có liên quan",
            "Các sở ngành liên quan",
            "Các ngành",
            "Các Sở, Ban, Ngành thành phố",
            "Các sở, ban, ngành liên quan",
            "Các sở, ban ngành",
        ],
    ),
    group(
        "Các tổ chức chính trị - xã hội",
        &[
            "Đoàn thể chính trị - xã hội",
            "Các đoàn thể chính trị - xã hội",
            "các tổ chức chính trị-xã hội",
            "Các đoàn thể",
            "Đoàn thể",
            "các tổ chức đoàn thể",
        ],
    ),
    group(
        "Các đơn vị liên quan",
        &[
            "các đơn vị có liên quan",
            "Các cơ quan, đơn vị liên quan",
            "Các đơn vị",
        ],
    ),
];

/// The registry indexed by alias key.
#[derive(Debug)]
pub struct Registry {
    by_key: HashMap<String, &'static Entry>,
}

/// Words a cell may add after a name that do not change which agency it is.
const PROVINCE_SUFFIXES: &[&str] = &[" tinh", " thanh pho", " cac cap"];

impl Registry {
    pub fn builtin() -> &'static Registry {
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        REGISTRY.get_or_init(|| Registry::from_entries(ENTRIES))
    }

    pub fn from_entries(entries: &'static [Entry]) -> Registry {
        let mut by_key = HashMap::new();
        for entry in entries {
            by_key.insert(alias_key(entry.name), entry);
            for alias in entry.aliases {
                by_key.insert(alias_key(alias), entry);
            }
        }
        Registry { by_key }
    }

    /// The entry a single name (not a list) refers to, if known.
    pub fn lookup(&self, name: &str) -> Option<&'static Entry> {
        let key = alias_key(name);
        if key.is_empty() {
            return None;
        }
        self.lookup_key(&key).or_else(|| {
            // "STN&MT", "SY tế": the "S" of "Sở" glued to the name.
            let glued = name
                .trim_start()
                .strip_prefix('S')
                .filter(|rest| rest.starts_with(|c: char| c.is_uppercase()));
            glued.and_then(|rest| self.lookup_key(&format!("so {}", alias_key(rest))))
        })
    }

    fn lookup_key(&self, key: &str) -> Option<&'static Entry> {
        let stripped = PROVINCE_SUFFIXES
            .iter()
            .find_map(|s| key.strip_suffix(s))
            .map(str::to_string);
        let bare = key.strip_prefix("so ").map(str::to_string);
        let with_so = format!("so {key}");
        [Some(key.to_string()), stripped, bare, Some(with_so)]
            .into_iter()
            .flatten()
            .find_map(|k| self.by_key.get(&k).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::Registry;

    #[test]
    fn finds_common_spellings() {
        let r = Registry::builtin();
        let name = |s: &str| r.lookup(s).map(|e| e.name);
        assert_eq!(name("Sở KH&ĐT"), Some("Sở Kế hoạch và Đầu tư"));
        assert_eq!(name("STN&MT"), Some("Sở Tài nguyên và Môi trường"));
        assert_eq!(name("SY tế"), Some("Sở Y tế"));
        assert_eq!(
            name("LĐ,TB&XH"),
            Some("Sở Lao động - Thương binh và Xã hội")
        );
        assert_eq!(name("Công an tỉnh"), Some("Công an tỉnh"));
        assert_eq!(
            name("UBND các huyện, thành phố"),
            Some("Ủy ban nhân dân cấp huyện")
        );
        assert_eq!(name("Ban chỉ đạo không có thật"), None);
    }
}
