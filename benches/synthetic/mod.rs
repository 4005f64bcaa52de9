//! Synthetic directories of any size for benchmarks: seeded, so every run searches the same data.
//!
//! Realistic shapes: names of 3–6 words, 20–40-word descriptions, 3–8 keywords, 1–4 categories,
//! local / area-wide / national areas, varied age ranges and hours, some unconfirmed records.
#![allow(dead_code)]

use signpost::directory::{self, Files};
use signpost::model::service::Source;
use signpost::model::{
    Access, AgeBound, AgeRange, Audience, BankHolidayRule, Category, Clock, Contact, ContactKind,
    Day, Directory, Hours, HoursKind, Service, Session, Span, Status,
};

/// xorshift64*: tiny, fast and good enough to spread test data; seeded for repeatable runs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

#[rustfmt::skip]
const LEADS: &[&str] = &[
    "Portsmouth", "Southampton", "Havant", "Basingstoke", "Andover", "Winchester", "Fareham",
    "Gosport", "Eastleigh", "Romsey", "Ryde", "Newport", "Cowes", "Alton", "Petersfield", "Fleet",
    "Aldershot", "Farnborough", "Lymington", "Totton", "Hampshire", "Solent", "Wessex", "Island",
    "North", "South", "East", "West", "Central", "Coastal", "Forest", "Valley", "Harbour", "Downs",
    "Meon", "Itchen", "Test", "Avon", "Hamble", "Stour",
];
#[rustfmt::skip]
const QUALIFIERS: &[&str] = &[
    "Community", "Young", "Adult", "Family", "Peer", "Men's", "Women's", "Student", "Veterans",
    "Carers'", "Parents'", "Youth", "Older", "Rural", "City", "Neighbourhood", "Village", "Open",
    "Online", "Evening",
];
#[rustfmt::skip]
const TOPICS: &[&str] = &[
    "Crisis", "Bereavement", "Wellbeing", "Recovery", "Mental Health", "Talking", "Therapy",
    "Alcohol", "Drug", "Gambling", "Eating Disorder", "Perinatal", "Suicide Prevention",
    "Loneliness", "Counselling", "Listening", "Anxiety", "Depression", "Self-harm", "Psychosis",
    "Trauma", "Addiction", "Hoarding", "Sleep", "Stress", "Mindfulness", "Befriending",
    "Resilience", "Wellness", "Mood", "Grief", "Hope", "Calm", "Connection",
];
#[rustfmt::skip]
const KINDS: &[&str] = &[
    "Support", "Service", "Line", "Helpline", "Hub", "Group", "Centre", "Cafe", "Network",
    "Project", "Team", "Club", "Circle", "Sanctuary", "Haven", "Space", "Clinic", "Programme",
    "Drop-in", "Partnership", "Collective", "Forum",
];
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "Mind", "Trust", "Foundation", "Charity", "Council", "NHS Trust", "Partnership", "CIC",
    "Network", "Association", "Society", "Alliance", "Hospice", "Housing", "Recovery Trust",
];
#[rustfmt::skip]
const DESCRIPTION: &[&str] = &[
    "support", "for", "people", "who", "are", "feeling", "low", "anxious", "or", "struggling",
    "with", "their", "mental", "health", "we", "offer", "free", "confidential", "listening", "by",
    "phone", "text", "and", "online", "chat", "face", "to", "groups", "one", "sessions", "trained",
    "volunteers", "staff", "peer", "workers", "counsellors", "nurses", "therapists", "help", "you",
    "find", "the", "right", "service", "referral", "not", "needed", "self", "referral", "welcome",
    "families", "carers", "friends", "bereaved", "after", "death", "loss", "of", "a", "child",
    "parent", "partner", "suicide", "crisis", "urgent", "emergency", "out", "hours", "evenings",
    "weekends", "daytime", "appointments", "drop", "in", "walk", "café", "space", "safe", "calm",
    "quiet", "warm", "friendly", "non", "judgemental", "alcohol", "drugs", "drinking", "gambling",
    "debt", "housing", "benefits", "employment", "education", "young", "adults", "older",
    "children", "students", "veterans", "men", "women", "lgbtq", "communities", "local", "across",
    "area", "county", "city", "island", "based", "at", "near", "centre", "town", "library",
    "clinic", "hospital", "surgery", "gp", "practice", "nhs", "charity", "funded", "commissioned",
    "council", "run", "partnership", "provides", "offers", "includes", "courses", "workshops",
    "wellbeing", "recovery", "college", "skills", "coping", "strategies", "anxiety", "depression",
    "stress", "sleep", "panic", "trauma", "ptsd", "eating", "disorders", "bulimia", "anorexia",
    "perinatal", "pregnancy", "birth", "baby", "postnatal", "psychosis", "bipolar", "personality",
    "self", "harm", "thoughts", "suicidal", "prevention", "planning", "safety", "plan", "talking",
    "therapies", "cbt", "counselling", "guided", "digital", "programme", "assessment", "waiting",
    "list", "weeks", "days", "call", "back", "leave", "message", "within", "working", "day",
    "monday", "friday", "saturday", "sunday", "bank", "holidays", "closed", "open", "every",
    "week", "month", "meets", "monthly", "weekly", "fortnightly", "community", "hub", "network",
    "befriending", "loneliness", "isolation", "social", "activities", "walks", "gardening", "art",
    "music", "sport", "exercise", "nutrition", "advice", "information", "signposting", "guidance",
    "practical", "emotional", "specialist", "clinical", "team", "service", "services", "line",
    "helpline", "website", "email", "contact", "us", "our", "can", "may", "also", "other", "more",
    "about", "how", "what", "when", "where", "anyone", "aged", "over", "under", "up", "living",
    "registered", "resident", "working", "studying", "caring", "bereavement", "grief",
    "counsellor", "addiction", "substance", "misuse", "detox", "harm", "reduction", "needle",
    "exchange", "criminal", "justice", "probation", "police", "ambulance", "paramedics", "crisis",
    "resolution", "home", "treatment", "inpatient", "outpatient", "ward", "discharge", "aftercare",
    "follow", "review", "cristina", "crystal", "creative", "crafts", "credit", "cruse", "crew",
    "cricket", "crossroads", "alcove", "alchemy", "supper", "supply", "superb", "talkative",
    "tallest", "bereaves",
];
#[rustfmt::skip]
const KEYWORDS: &[&str] = &[
    "crisis", "helpline", "listening", "24/7", "self-harm", "suicidal", "bereavement",
    "child bereavement", "suicide bereavement", "grief", "alcohol", "drugs", "alcohol support",
    "drug support", "gambling", "debt", "eating disorders", "anorexia", "bulimia", "perinatal",
    "postnatal depression", "psychosis", "bipolar", "anxiety", "depression", "talking therapies",
    "counselling", "CBT", "peer support", "carers", "families", "young people", "students",
    "older people", "veterans", "men", "women", "LGBTQ+", "safe haven", "crisis cafe", "drop-in",
    "walk-in", "text line", "webchat", "online chat", "email", "face to face", "groups",
    "befriending", "loneliness", "isolation", "housing", "benefits", "employment", "wellbeing",
    "recovery", "recovery college", "mindfulness", "sleep", "stress", "trauma", "PTSD", "detox",
    "harm reduction", "needle exchange", "GP referral", "self-referral", "no GP referral",
    "out of hours", "evenings", "weekends", "NHS", "charity", "free",
];
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "southampton", "portsmouth", "isle-of-wight", "hampshire", "basingstoke-and-deane",
    "east-hampshire", "eastleigh", "fareham", "gosport", "hart", "havant", "new-forest",
    "rushmoor", "test-valley", "winchester",
];

fn words(rng: &mut Rng, list: &[&str], lo: usize, hi: usize) -> Vec<String> {
    (0..rng.range(lo, hi))
        .map(|_| rng.pick(list).to_string())
        .collect()
}

fn name(rng: &mut Rng) -> String {
    loop {
        let mut parts: Vec<&str> = Vec::new();
        if rng.chance(70) {
            parts.push(*rng.pick(LEADS));
        }
        if rng.chance(50) {
            parts.push(*rng.pick(QUALIFIERS));
        }
        parts.push(*rng.pick(TOPICS));
        parts.push(*rng.pick(KINDS));
        if rng.chance(30) {
            parts.push(*rng.pick(KINDS));
        }
        let n: usize = parts.iter().map(|p| p.split(' ').count()).sum();
        if (3..=6).contains(&n) {
            return parts.join(" ");
        }
    }
}

fn age(rng: &mut Rng) -> AgeRange {
    match rng.below(6) {
        0 => AgeRange::everyone(),
        1 => AgeRange {
            min: AgeBound::Years(18),
            max: AgeBound::NoLimit,
            ..Default::default()
        },
        2 => AgeRange::years(11, 25),
        3 => AgeRange::years(5, 17),
        4 => AgeRange {
            min: AgeBound::Years(16),
            ..Default::default()
        },
        _ => AgeRange::default(),
    }
}

fn session(days: &[Day], open: (u16, u16), close: (u16, u16)) -> Session {
    Session {
        days: days.to_vec(),
        open: Clock::hm(open.0, open.1),
        close: Clock::hm(close.0, close.1),
    }
}

fn hours(rng: &mut Rng) -> Hours {
    use Day::*;
    let weekdays = [Mon, Tue, Wed, Thu, Fri];
    match rng.below(20) {
        0..=2 => Hours::all_hours(),
        3..=11 => {
            let mut sessions = vec![match rng.below(4) {
                0 => session(&weekdays, (9, 0), (17, 0)),
                1 => session(&weekdays, (8, 30), (18, 0)),
                2 => session(&Day::ALL, (18, 0), (23, 0)),
                _ => session(&weekdays, (10, 0), (16, 0)),
            }];
            if rng.chance(30) {
                sessions.push(session(&[Sat, Sun], (10, 0), (14, 0)));
            }
            Hours {
                kind: HoursKind::Weekly,
                wording: "see sessions".into(),
                bank_holidays: if rng.chance(50) {
                    BankHolidayRule::Closed
                } else {
                    BankHolidayRule::NotConfirmed
                },
                sessions,
                bank_holiday_sessions: Vec::<Span>::new(),
                exceptions: Vec::new(),
                closures: Vec::new(),
            }
        }
        _ => Hours::not_confirmed("times not given"),
    }
}

pub fn service(rng: &mut Rng, i: usize) -> Service {
    let mut categories: Vec<Category> = (0..rng.range(1, 4))
        .map(|_| *rng.pick(&Category::ALL))
        .collect();
    categories.sort();
    categories.dedup();
    let areas: Vec<String> = match rng.below(20) {
        0..=3 => vec!["national".into()],
        4..=6 => vec!["hiow".into()],
        _ => {
            let mut a: Vec<String> = (0..rng.range(1, 3))
                .map(|_| rng.pick(PLACES).to_string())
                .collect();
            a.sort();
            a.dedup();
            a
        }
    };
    let mut contacts = vec![Contact {
        kind: ContactKind::Phone,
        label: "Helpline".into(),
        value: format!("0300 {:03} {:04}", rng.below(1000), rng.below(10000)),
        keyword: String::new(),
        audience: Audience::Public,
        hours: None,
    }];
    if rng.chance(25) {
        contacts.push(Contact {
            kind: ContactKind::Phone,
            label: "Professionals' line".into(),
            value: format!("01632 {:06}", rng.below(1_000_000)),
            keyword: String::new(),
            audience: Audience::Professional,
            hours: None,
        });
    }
    if rng.chance(10) {
        contacts.remove(0); // no public number: "check before giving"
    }
    let unconfirmed = rng.chance(12);
    Service {
        id: format!("svc-{i:06}"),
        name: name(rng),
        organisation: format!("{} {}", rng.pick(LEADS), rng.pick(ORG_WORDS)),
        description: words(rng, DESCRIPTION, 20, 40).join(" "),
        keywords: words(rng, KEYWORDS, 3, 8),
        categories,
        areas,
        access: if rng.chance(60) {
            vec![Access::SelfReferral]
        } else {
            vec![Access::GpReferral]
        },
        status: if unconfirmed {
            Status::Unconfirmed
        } else {
            Status::Active
        },
        status_reason: if unconfirmed {
            "synthetic: not confirmed".into()
        } else {
            String::new()
        },
        age: age(rng),
        contacts,
        hours: hours(rng),
        sources: vec![Source {
            url: "https://example.org/synthetic".into(),
            seen_on: None,
        }],
        ..Default::default()
    }
}

/// A directory of `n` synthetic services with the default edition's places and triage data.
pub fn directory(n: usize, seed: u64) -> Directory {
    let base = directory::parse(&directory::embedded()).expect("the embedded edition parses");
    let mut rng = Rng::new(seed);
    Directory {
        services: (0..n).map(|i| service(&mut rng, i)).collect(),
        ..base
    }
}

/// The same directory as an edition's text files (what a store holds and `import` reads).
pub fn files(n: usize, seed: u64) -> Files {
    let mut files: Files = directory::embedded()
        .into_iter()
        .filter(|(k, _)| !k.starts_with("services/"))
        .collect();
    let mut rng = Rng::new(seed);
    for i in 0..n {
        let s = service(&mut rng, i);
        let text = toml::to_string(&s).expect("a service serialises");
        files.insert(format!("services/{}.toml", s.id), text);
    }
    files
}

/// A data folder whose current edition is `files`, there the way a large edition really gets
/// there: a maintainer imported it over the default edition this program carries. Opened once,
/// as the first start after an import does, so later opens are ordinary starts.
pub fn seed_imported(data: &std::path::Path, files: &Files, now: &str) {
    use signpost::store::{Origin, SledStore, Store};
    let embedded = directory::embedded();
    signpost::session::open(data, &embedded, now).expect("seeds the store");
    let emb_id = directory::edition_id(&embedded);
    let edition = signpost::session::make_edition(
        files.clone(),
        Origin::Imported {
            path: "synthetic".into(),
        },
        &emb_id,
        now,
    );
    SledStore::new(data)
        .install(&edition)
        .expect("installs the edition");
    let s = signpost::session::open(data, &embedded, now).expect("opens the imported edition");
    assert_eq!(
        s.meta.id, edition.meta.id,
        "the imported edition is current"
    );
}
