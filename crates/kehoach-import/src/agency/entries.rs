//! The registry's data: canonical agency names and every spelling the corpus
//! uses for them. To teach kehoach a new spelling, add it to the alias list
//! of its entry; to add an agency, add an entry. Spelling noise (case,
//! diacritics, punctuation, "&" for "và") is ignored by
//! [`alias_key`](super::alias_key), so an alias needs listing only once per
//! real variant.
//!
//! Canonical names follow the import contract: the full official name as the
//! province uses it, without the province's own name.

use kehoach_model::AgencyKind;

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
            "Kế hoạch và ĐT",
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
            "LB-TB&XH",
            "Lao động -",
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
            "Nông nghiệp và PTNT",
            "Nông nghiệp và Phát triển nông thông",
            "Nông nghiệp và Phát triển nông thôn",
            "NN&PTNT",
            "NNPTNT",
            "NN và PTNT",
        ],
    ),
    dept(
        "Sở Tài nguyên và Môi trường",
        &[
            "Tài nguyên và MT",
            "Tài nguyên và Môi trường",
            "TN&MT",
            "TNMT",
            "TN và MT",
        ],
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
        &[
            "Thông tin và Truyền",
            "Thông tin truyền thông",
            "Thông tin và Truyền thông",
            "TT&TT",
            "TTTT",
            "TT và TT",
        ],
    ),
    dept(
        "Sở Khoa học và Công nghệ",
        &["Khoa học và Công nghệ", "KH&CN", "KHCN", "KH và CN"],
    ),
    dept(
        "Sở Giao thông vận tải",
        &[
            "Giao thông",
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
            "Văn hóa, Thể thao và DL",
            "VH,TT&DL",
            "VH-TT&DL",
        ],
    ),
    dept("Sở Y tế", &["Y tế", "YT"]),
    dept("Sở Công Thương", &["Công Thương", "CT"]),
    dept("Sở Xây dựng", &["Xây dựng", "XD", "Xây dạng"]),
    dept("Sở Tư pháp", &["Tư pháp"]),
    dept("Sở Nội vụ", &["Nội vụ"]),
    dept("Sở Ngoại vụ", &["Ngoại vụ"]),
    dept("Công an tỉnh", &["Công an", "CA tỉnh", "Công an thành phố"]),
    dept("Thanh tra tỉnh", &["Thanh tra"]),
    dept(
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        &[
            "Mặt trận Tổ quốc",
            "Ủy ban Mặt trận Tổ quốc",
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
            "Mặt trận Tquốc Việt Nam tỉnh",
            "Ủy ban MTTQ tỉnh",
            "UBMTTQ tỉnh",
        ],
    ),
    dept(
        "Hội Liên hiệp Phụ nữ tỉnh",
        &[
            "Hội Liên hiệp Phụ nữ VN tỉnh",
            "Hội Liên hiệp Phụ nữ VN",
            "Hội Liên hiệp Phụ nữ Việt Nam",
            "Liên hiệp Phụ nữ tỉnh",
            "Hội LHPN tỉnh",
            "Hội LHPN",
            "Hội Liên hiệp Phụ nữ",
            "Hội Phụ nữ",
            "Liên hiệp Phụ nữ",
        ],
    ),
    dept(
        "Tỉnh đoàn",
        &[
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            "Đoàn Thanh niên Cộng sản",
            "Thành đoàn",
            "Tỉnh Đoàn Thanh niên",
            "Đoàn Thanh niên",
        ],
    ),
    dept(
        "Ngân hàng Nhà nước chi nhánh tỉnh",
        &[
            "Chi nhánh Ngân hàng tỉnh",
            "Chi nhánh Ngân hàng",
            "Ngân hàng Nhà nước Việt Nam",
            "Ngân hàng Nhà nước",
            "NHNN tỉnh",
            "NHNN chi nhánh",
            "NNHNN Chi nhánh",
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
            "NH Chính sách xã hội",
            "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
        ],
    ),
    dept(
        "Bảo hiểm xã hội tỉnh",
        &["BHXH tỉnh", "Bảo hiểm xã hội", "BHXH"],
    ),
    dept(
        "Đài Phát thanh và Truyền hình tỉnh",
        &[
            "Đài Phát thanh - Truyền hình",
            "Đài Phát thanh Truyền hình",
            "Đài Truyền hình",
            "Đài phát thanh và truyền hình",
            "Đài PTTH tỉnh",
            "Đài Phát thanh truyền hình tỉnh",
            "Đài PTTH",
            "Đài Phát thanh và Truyền hình",
            "Đài Phát thanh truyền hình",
        ],
    ),
    dept("Cục Thống kê tỉnh", &["Cục Thống kê", "CTK"]),
    dept("Cục Thuế tỉnh", &["Cục Thuế"]),
    dept(
        "Cục Thi hành án dân sự tỉnh",
        &["Cục Thi hành án tỉnh", "Cục Thi hành án"],
    ),
    dept("Báo Đồng Khởi", &["Báo Đồng Khi"]),
    dept("Báo Hải Phòng", &[]),
    dept("Báo Quảng Ninh", &[]),
    dept("Báo Kiên Giang", &[]),
    dept(
        "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông",
        &["Ban Quản lý dự án đầu tư xây dựng các công trình Giao thoâng"],
    ),
    dept(
        "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn",
        &[],
    ),
    dept(
        "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp",
        &[],
    ),
    group(
        "Các ban quản lý dự án đầu tư xây dựng cấp tỉnh",
        &["các Ban Quản lý dự án đầu tư xây dựng cấp tỉnh"],
    ),
    dept(
        "Ban Tuyên giáo Tỉnh ủy",
        &["Ban Tuyên giáo", "Ban Tuyên giáo tỉnh ủy"],
    ),
    dept("Hội đồng nhân dân tỉnh", &["HĐND tỉnh"]),
    dept("Hội Nông dân tỉnh", &["Hội nông dân"]),
    dept("Hội Người cao tuổi tỉnh", &["Hội người cao tuổi"]),
    dept(
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
        &["Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch"],
    ),
    dept("Viện Hàn lâm Khoa học và Công nghệ Việt Nam", &[]),
    group("Các cơ quan thuộc Chính phủ", &["cơ quan thuộc Chính phủ"]),
    group(
        "Ủy ban nhân dân các huyện ven biển",
        &[
            "UBND các huyện/thành phố ven biển thuộc tỉnh",
            "UBND các huyện, thành phố ven biển",
        ],
    ),
    dept("Ban Điều phối Dự án AMD", &[]),
    dept(
        "Ban Chỉ đạo ứng phó với biến đổi khí hậu tỉnh",
        &["BCĐ ứng phó với BĐKH", "Ban Chỉ đạo ứng phó với BĐKH"],
    ),
    dept(
        "Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn tỉnh",
        &[
            "BCĐ phòng chống thiên tai tỉnh, huyện",
            "BCĐ phòng chống thiên tai tỉnh",
            "BCĐ phòng chống thiên tai",
            "Ban Chỉ huy PCTT và TKCN tỉnh",
        ],
    ),
    dept("Thanh tra giao thông", &[]),
    dept("Phòng Cảnh sát giao thông", &["Cảnh sát giao thông"]),
    dept(
        "Đài Khí tượng Thủy văn tỉnh",
        &["Đài KTTV", "Đài KTTV tỉnh"],
    ),
    dept("Hiệp hội Du lịch tỉnh", &["Hiệp hội du lịch"]),
    dept(
        "Hiệp hội Doanh nghiệp tỉnh",
        &["Hiệp hội doanh nghiệp nhỏ và vừa", "Hiệp hội doanh nghiệp"],
    ),
    dept("Sở Du lịch", &["Du lịch"]),
    dept(
        "Sở Văn hóa và Thể thao",
        &[
            "VH&TT",
            "Sở VH&TT",
            "VHTT",
            "Văn hóa và Thể thao",
            "Sở Văn hóaThể thao",
            "Văn hóaThể thao",
        ],
    ),
    dept("Bộ Xây dựng", &[]),
    dept("Liên đoàn Lao động tỉnh", &["Liên đoàn Lao động"]),
    dept(
        "Phòng Thương mại và Công nghiệp Việt Nam chi nhánh",
        &[
            "Chi nhánh Phòng Thương mại và Công nghiệp Việt Nam tại Cần Thơ",
            "Chi nhánh Phòng Thương mại và Công nghiệp Việt Nam",
            "Phòng Thương mại và Công nghiệp Việt Nam",
            "VCCI",
            "VCCI tại",
            "Văn phòng VCCI tại",
        ],
    ),
    dept(
        "Liên minh Hợp tác xã tỉnh",
        &[
            "Liên minh HTX và DN",
            "Liên minh Hợp tác xã",
            "Liên minh HTX",
        ],
    ),
    dept("Ban An toàn giao thông tỉnh", &["Ban An toàn giao thông"]),
    dept(
        "Ban Quản lý Khu kinh tế",
        &[
            "Ban Quản lý các Khu kinh tế tỉnh",
            "Ban Quản lý các Khu kinh tế",
            "BQL KKT tỉnh",
            "BQL KKT",
            "Ban quản lý Khu Kinh tế HP",
            "Ban Quản lý Khu kinh tế tỉnh",
        ],
    ),
    dept(
        "Đài Khí tượng Thủy văn khu vực Đông Bắc",
        &["Đài Khí tượng thủy văn Đông Bắc"],
    ),
    dept(
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
        &[
            "Liên hiệp các hội Khoa học và Kỹ thuật",
            "Liên hiệp hội khoa học kỹ thuật",
            "Liên hiệp hội khoa học",
        ],
    ),
    dept("Đoàn Luật sư tỉnh", &["Đoàn Luật sư"]),
    dept(
        "Ban Xây dựng nông thôn mới tỉnh",
        &["Ban Xây dựng nông thôn mới"],
    ),
    dept(
        "Trung tâm Chăm sóc sức khỏe sinh sản",
        &[
            "TT Chăm sóc sức khỏe sinh sản",
            "Trung tâm chăm sóc sực khỏe sinh sản",
        ],
    ),
    dept(
        "Trung tâm Truyền thông - Giáo dục sức khỏe",
        &[
            "Trung tâm truyền thông giáo dục sức khỏe",
            "Trung tâm truyền thông GDSK",
        ],
    ),
    dept(
        "Chi cục Dân số - Kế hoạch hóa gia đình",
        &["Chi cục Dân số - KHHGĐ"],
    ),
    dept(
        "Trung tâm Dân số - Kế hoạch hóa gia đình",
        &["Trung tâm Dân số -KHHGĐ", "Trung tâm Dân số - KHHGĐ"],
    ),
    dept(
        "Trung tâm Phòng, chống HIV/AIDS",
        &["Trung tâm phòng chống HIV/AIDS"],
    ),
    dept("Trung tâm Y tế dự phòng", &[]),
    dept("Bệnh viện Phụ sản", &[]),
    dept("Công ty Điện lực", &["Công ty TNHH MTV Điện lực"]),
    dept("Trung tâm Tiết kiệm năng lượng và sản xuất sạch hơn", &[]),
    group("Các bệnh viện", &[]),
    group("Các đơn vị y tế", &[]),
    group("Các cơ sở giáo dục nghề nghiệp", &[]),
    group(
        "Các cơ quan báo chí",
        &[
            "Báo đài, truyền hình",
            "các cơ quan thông tin đại chúng của tỉnh",
            "các cơ quan thông tin đại chúng",
            "Báo, Đài",
            "các cơ quan báo chí",
        ],
    ),
    group(
        "Các tổ chức xã hội - nghề nghiệp",
        &[
            "các tổ chức xã hội-nghề nghiệp",
            "tổ chức xã hội nghề nghiệp",
            "các tổ chức xã hội",
            "tổ chức xã hội - nghề nghiệp",
            "tchức xã hội - nghề nghiệp",
            "các tổ chức xã hội nghề nghiệp",
        ],
    ),
    group(
        "Khối Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh",
        &[
            "Khối cơ quan MTTQ và các tổ chức chính trị - xã hội",
            "Cơ quan Khối Mặt trận tổ quốc và các tổ chức chính trị - xã hội tỉnh",
            "Cơ quan Khối MTTQ và các tổ chức chính trị - xã hội tỉnh",
            "Khối các cơ quan MTTQ và tổ chức chính trị -xã hội tỉnh",
            "Cơ quan khối MTTQ và các đoàn thể tỉnh",
            "Cơ quan khối MTTQ và các đoàn thể",
            "Ủy ban MTTQ và các đoàn thể",
            "Ủy ban MTTQ và các tổ chức chính trị- đoàn thể tỉnh",
        ],
    ),
    group(
        "Ủy ban nhân dân cấp xã",
        &[
            "UBND các xã, phường, trị trấn",
            "UBND cấp xã",
            "UBND các xã/phường/thị trấn",
            "UBND các xã, phường, thị trấn",
            "Ủy ban nhân dân các xã, phường, thị trấn",
        ],
    ),
    group(
        "Ủy ban nhân dân các cấp",
        &["UBND các quận, huyện, xã, phường, thị trấn", "UBND các cấp"],
    ),
    group(
        "Công an cấp huyện",
        &[
            "Công an các quận/huyện",
            "Công an các quận, huyện",
            "Công an các huyện",
        ],
    ),
    group(
        "Tòa án nhân dân cấp huyện",
        &[
            "Tòa án nhân dân các quận/huyện",
            "Tòa án nhân dân các quận, huyện",
        ],
    ),
    dept(
        "Ban Quản lý các khu công nghiệp",
        &[
            "Ban Quản lý các Khu công nghiệp tỉnh",
            "Ban Quản lý các KCN",
            "BQL các KCN",
        ],
    ),
    group(
        "Các doanh nghiệp",
        &[
            "các doanh nghiệp trên địa bàn tỉnh",
            "các doanh nghiệp du lịch trên địa bàn",
            "doanh nghiệp",
        ],
    ),
    group(
        "Các tổ chức tín dụng",
        &[
            "các tổ chức tín dụng trên địa bàn",
            "các tổ chức tín dụng trên địa bàn tỉnh",
        ],
    ),
    group("Các chủ đầu tư", &[]),
    dept("Ban Dân tộc", &["Ban Dân tộc tỉnh"]),
    dept(
        "Văn phòng Ủy ban nhân dân tỉnh",
        &[
            "Văn phòng UBND tỉnh",
            "VP UBND tỉnh",
            "Văn phòng Ủy ban nhân dân",
        ],
    ),
    dept(
        "Văn phòng Điều phối Nông thôn mới",
        &[
            "VP Điều phối Nông thôn mới",
            "Văn phòng Điều phối NTM",
            "Văn phòng Điều phối NTM mới",
        ],
    ),
    dept(
        "Tòa án nhân dân tỉnh",
        &["Tòa án nhân dân", "Tòa án", "TAND tỉnh"],
    ),
    dept(
        "Viện Kiểm sát nhân dân tỉnh",
        &[
            "Viện Kiểm sát nhân dân",
            "VKSND tỉnh",
            "VKSND",
            "Viện KSND tỉnh",
            "Viện Kiểm sát",
        ],
    ),
    dept(
        "Bộ Chỉ huy Quân sự tỉnh",
        &[
            "Bộ Chỉ quân sự",
            "BCHQS tỉnh",
            "Bộ Chỉ huy quân sự",
            "BCHQS",
        ],
    ),
    dept(
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        &[
            "BCH BĐBP tỉnh",
            "Bộ đội Biên phòng",
            "BCH BĐBP",
            "Bộ Chỉ huy Bộ đội Biên phòng",
        ],
    ),
    group(
        "Ủy ban nhân dân cấp huyện",
        &[
            "UBND các quận, huyện có liên quan",
            "UBND các huyện, quận",
            "UBND các quận huyện",
            "UBND quận, huyện",
            "UBND các quận, huyện liên quan",
            "UBND các huyện, thị xã, thành phố thuộc tỉnh",
            "UBND các huyện, thành phố",
            "UBND các huyện, thị xã, thành phố",
            "UBND các quận, huyện",
            "Ủy ban nhân dân các huyện, thành phố",
            "Ủy ban nhân dân các quận, huyện",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "UBND huyện, thành phố",
            "UBND cấp huyện",
            "UBND các huyện",
            "Ủy ban nhân dân các huyện",
            "Ủy ban nhân dân cấp huyện",
            "UBND các huyện, thành phố, thị xã",
            "UBND các địa phương",
            "các địa phương",
            "địa phương",
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
            "Các sở",
            "Các sở, ban, ngành có liên quan",
            "Các Sở, ngành liên quan",
            "Các sở, ngành, địa phương",
            "Các sở, ban, ngành, địa phương",
        ],
    ),
    group(
        "Các tổ chức chính trị - xã hội",
        &[
            "các tổ chức thành viên",
            "Các tổ chức thành viên của Mặt trận",
            "tổ chức chính trị - xã hội",
            "tổ chức chính trị xã hội có liên quan",
            "đoàn thể và tổ chức xã hội",
            "Đoàn thể chính trị - xã hội",
            "Các đoàn thể chính trị - xã hội",
            "các tổ chức chính trị-xã hội",
            "Các đoàn thể",
            "Đoàn thể",
            "Đoàn thchính trị - xã hội",
            "các tổ chức đoàn thể",
            "Các tổ chức chính trị, xã hội, nghề nghiệp",
            "Các tổ chức chính trị - xã hội - nghề nghiệp",
            "Các đoàn thể chính trị - xã hội tỉnh",
            "Các tổ chức chính trị - xã hội tỉnh",
        ],
    ),
    group(
        "Các đơn vị liên quan",
        &[
            "tổ chức có liên quan",
            "các tổ chức có liên quan",
            "đơn vị có liên quan",
            "đơn vị liên quan",
            "các đơn vị liên quan khác",
            "các đơn vị có liên quan",
            "Các cơ quan, đơn vị liên quan",
            "các cơ quan, đơn vị có liên quan",
            "các địa phương liên quan",
            "địa phương liên quan",
            "Các đơn vị",
        ],
    ),
];
