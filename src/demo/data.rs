//! Sample WISEs for `serve --demo`: a fictional but realistic picture of the social-enterprise
//! scene in and around Amsterdam, loaded into an empty database.
//!
//! Every name, KvK number, address and phone number is invented; websites and mail addresses use
//! the `.example.nl` domain. The data is built in code (no randomness), grouped by primary sector.

use chrono::NaiveDate;

use crate::organisation::model::{OfferingInput, OrganisationInput, ServiceArea};

/// One sample WISE: its record, the status it is created with and its offerings.
#[derive(Debug, Clone)]
pub struct DemoWise {
    /// `approved`, `pending` or `suspended`.
    pub status: &'static str,
    pub organisation: OrganisationInput,
    pub offerings: Vec<OfferingInput>,
}

/// Deterministic: every call returns the same data in the same order.
pub fn sample() -> Vec<DemoWise> {
    [
        catering(),
        cleaning(),
        construction(),
        green(),
        recycling(),
        second_hand(),
        textiles(),
        production(),
        logistics(),
        it(),
        printing(),
        food(),
        crafts(),
        care(),
        other(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

/// The municipalities around Amsterdam that many WISEs deliver to.
const REGION: &[&str] = &["Amsterdam", "Amstelveen", "Diemen", "Zaanstad", "Haarlemmermeer"];

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid demo date")
}

fn places(municipalities: &[&str]) -> ServiceArea {
    ServiceArea::Municipalities(municipalities.iter().map(ToString::to_string).collect())
}

fn radius(km: i32) -> ServiceArea {
    ServiceArea::RadiusKm(km)
}

fn national() -> ServiceArea {
    ServiceArea::National
}

/// A WISE under construction: an approved organisation with the given identity.
fn wise(kvk: &str, name: &str, legal_form: &str, founded: i32) -> Builder {
    Builder(DemoWise {
        status: "approved",
        organisation: OrganisationInput {
            kvk_number: kvk.to_string(),
            name: name.to_string(),
            legal_form: Some(legal_form.to_string()),
            founded_year: Some(founded),
            ..OrganisationInput::default()
        },
        offerings: Vec::new(),
    })
}

struct Builder(DemoWise);

impl Builder {
    /// Visiting address; `district` is the Amsterdam district or a village within the municipality.
    fn at(mut self, street: &str, postcode: &str, municipality: &str, district: Option<&str>) -> Self {
        let org = &mut self.0.organisation;
        org.street = Some(street.to_string());
        org.postcode = Some(postcode.to_string());
        org.municipality = municipality.to_string();
        org.district = district.map(str::to_string);
        self
    }

    /// Website and `info@` address on `<domain>.example.nl`, and a phone number.
    fn contact(mut self, domain: &str, phone: &str) -> Self {
        let org = &mut self.0.organisation;
        org.website = Some(format!("https://www.{domain}.example.nl"));
        org.email = Some(format!("info@{domain}.example.nl"));
        org.phone = Some(phone.to_string());
        self
    }

    fn about(mut self, description: &str) -> Self {
        self.0.organisation.description = description.to_string();
        self
    }

    /// Sector codes, the primary sector first.
    fn sectors(mut self, codes: &[&str]) -> Self {
        self.0.organisation.sectors = codes.iter().map(ToString::to_string).collect();
        self
    }

    /// Target groups employed.
    fn employs(mut self, codes: &[&str]) -> Self {
        self.0.organisation.target_groups = codes.iter().map(ToString::to_string).collect();
        self
    }

    /// Share of income earned on the market, in percent.
    fn market(mut self, pct: i32) -> Self {
        self.0.organisation.market_income_pct = Some(pct);
        self
    }

    /// PSO (Prestatieladder Socialer Ondernemen) level and the date its certificate runs out.
    fn pso(mut self, level: &str, valid_until: NaiveDate) -> Self {
        self.0.organisation.pso_level = Some(level.to_string());
        self.0.organisation.pso_valid_until = Some(valid_until);
        self
    }

    fn cso(mut self, status: &str) -> Self {
        self.0.organisation.cso_status = Some(status.to_string());
        self
    }

    fn sena(mut self) -> Self {
        self.0.organisation.sena_member = true;
        self
    }

    fn cert(mut self, name: &str, valid_until: Option<NaiveDate>) -> Self {
        self.0.organisation.certifications.push((name.to_string(), valid_until));
        self
    }

    fn status(mut self, status: &'static str) -> Self {
        self.0.status = status;
        self
    }

    /// Finishes the WISE. Offerings without an explicit area are delivered in its own municipality.
    fn offers(mut self, offers: impl IntoIterator<Item = Offer>) -> DemoWise {
        let home = self.0.organisation.municipality.clone();
        self.0.offerings = offers.into_iter().map(|o| o.into_input(&home)).collect();
        self.0
    }
}

/// An offering under construction; see [`good`], [`service`] and [`works`].
struct Offer {
    kind: &'static str,
    cpv: &'static str,
    title: &'static str,
    description: &'static str,
    area: Option<ServiceArea>,
    price: Option<&'static str>,
    lead: Option<&'static str>,
    active: bool,
}

fn offer(kind: &'static str, cpv: &'static str, title: &'static str) -> Offer {
    Offer { kind, cpv, title, description: "", area: None, price: None, lead: None, active: true }
}

fn good(cpv: &'static str, title: &'static str) -> Offer {
    offer("good", cpv, title)
}

fn service(cpv: &'static str, title: &'static str) -> Offer {
    offer("service", cpv, title)
}

fn works(cpv: &'static str, title: &'static str) -> Offer {
    offer("works", cpv, title)
}

impl Offer {
    /// One or two sentences on what is offered.
    fn about(mut self, description: &'static str) -> Self {
        self.description = description;
        self
    }

    fn area(mut self, area: ServiceArea) -> Self {
        self.area = Some(area);
        self
    }

    fn price(mut self, price: &'static str) -> Self {
        self.price = Some(price);
        self
    }

    fn lead(mut self, lead_time: &'static str) -> Self {
        self.lead = Some(lead_time);
        self
    }

    fn inactive(mut self) -> Self {
        self.active = false;
        self
    }

    fn into_input(self, home: &str) -> OfferingInput {
        OfferingInput {
            title: self.title.to_string(),
            description: self.description.to_string(),
            kind: self.kind.to_string(),
            cpv_code: self.cpv.to_string(),
            service_area: self.area.unwrap_or_else(|| places(&[home])),
            price_indication: self.price.map(str::to_string),
            lead_time: self.lead.map(str::to_string),
            active: self.active,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The WISEs, by primary sector
// ---------------------------------------------------------------------------------------------

fn catering() -> Vec<DemoWise> {
    vec![
        wise("70412385", "Restaurant De Nieuwe Buren", "Stichting", 2016)
            .at("Czaar Peterstraat 12", "1018 PR", "Amsterdam", Some("Oost"))
            .contact("denieuweburen", "020-6241187")
            .about(
                "Restaurant en cateraar waar nieuwkomers met een vluchtelingenachtergrond in een jaar het \
                 koks- en bedieningsvak leren. Na de opleiding stromen de meeste deelnemers door naar een \
                 betaalde baan in de horeca.",
            )
            .sectors(&["catering", "food_production"])
            .employs(&["refugee_background", "long_term_unemployed"])
            .market(74)
            .pso("trede_2", date(2027, 6, 30))
            .cso("registered")
            .sena()
            .cert("Erkend Leerbedrijf", None)
            .offers([
                service("55520000", "Catering voor vergaderingen en recepties")
                    .about(
                        "Lunchbuffetten, borrelhapjes en walking dinners met gerechten uit de keukens van onze koks.",
                    )
                    .area(places(REGION))
                    .price("vanaf € 17,50 per persoon")
                    .lead("minimaal 5 werkdagen vooraf"),
                service("55300000", "Groepsdiner in het restaurant")
                    .about("Exclusief gebruik van het restaurant voor teamuitjes en afscheidsdiners tot 60 gasten.")
                    .price("vanaf € 39 per persoon")
                    .lead("binnen 3 weken"),
                service("55523000", "Dagelijkse bedrijfslunch")
                    .about("Verse lunch voor kantoren, elke werkdag bezorgd met de elektrische bakfiets.")
                    .price("op aanvraag")
                    .lead("start binnen 2 weken"),
                service("80522000", "Kookworkshop voor teams")
                    .about("Samen koken onder leiding van een van onze koks, met aansluitend diner aan lange tafels.")
                    .price("€ 65 per persoon")
                    .lead("binnen 4 weken"),
                good("15894200", "Maaltijdpakketten")
                    .about("Gekoelde maaltijden voor evenementen of noodopvang, geleverd in herbruikbare bakken.")
                    .area(radius(25))
                    .price("vanaf € 7,50 per maaltijd")
                    .lead("tot 200 maaltijden per dag"),
            ]),
        wise("81736420", "Keuken van Noord", "B.V.", 2019)
            .at("Distelweg 88", "1031 HD", "Amsterdam", Some("Noord"))
            .contact("keukenvannoord", "020-3378012")
            .about(
                "Bedrijfskeuken in Noord waar jongeren zonder startkwalificatie en mensen die dakloos zijn \
                 geweest werkervaring opdoen. We koken dagelijks voor scholen, buurthuizen en bedrijven.",
            )
            .sectors(&["catering"])
            .employs(&["youth_without_qualification", "homeless_or_addiction"])
            .market(81)
            .pso("basistrede", date(2025, 9, 30))
            .cert("HACCP", None)
            .offers([
                service("55524000", "Schoolmaaltijden")
                    .about("Warme lunch voor basisscholen, steeds met een vegetarische en een halal variant.")
                    .price("vanaf € 4,25 per maaltijd")
                    .lead("tot 600 maaltijden per dag"),
                service("55521200", "Maaltijdbezorging voor buurthuizen")
                    .about("Dagelijks verse maaltijden voor buurthuizen en inloophuizen in Noord en Centrum.")
                    .price("op aanvraag")
                    .lead("binnen 1 week"),
                service("55520000", "Evenementencatering")
                    .about("Catering voor festivals en bijeenkomsten op het NDSM-terrein en daarbuiten.")
                    .area(radius(30))
                    .price("vanaf € 12 per persoon"),
                service("55512000", "Exploitatie van bedrijfsrestaurants")
                    .about("We nemen de exploitatie van uw kantine over, inclusief personeel en inkoop.")
                    .price("op aanvraag")
                    .lead("binnen 2 maanden"),
            ]),
        wise("93015574", "Lunchroom Het Gouden Uur", "Stichting", 2024)
            .at("Jan Pieter Heijestraat 141", "1054 MG", "Amsterdam", Some("West"))
            .contact("hetgoudenuur", "020-7521964")
            .about(
                "Lunchroom in Oud-West waar mensen met een verstandelijke beperking bedienen, bakken en \
                 afrekenen. We zijn in 2024 gestart en bouwen nu een cateringtak op.",
            )
            .sectors(&["catering"])
            .employs(&["intellectual_disability"])
            .market(35)
            .status("pending")
            .offers([
                service("55330000", "Lunchroom voor groepen")
                    .about("Reserveer de lunchroom voor een vergadering met koffie en lunch voor maximaal 25 personen.")
                    .price("vanaf € 14 per persoon"),
                service("55520000", "Broodjeslunch op kantoor")
                    .about("Belegde broodjes, soep en fruit, bezorgd in West en Centrum.")
                    .price("vanaf € 9 per persoon")
                    .lead("een dag vooraf bestellen"),
                good("15812200", "Taarten op bestelling")
                    .about("Zelfgebakken taarten voor verjaardagen en jubilea.")
                    .price("vanaf € 28 per taart")
                    .lead("binnen 3 werkdagen"),
            ]),
        wise("34187720", "Eethuis Samen aan Tafel", "Stichting", 2011)
            .at("August Allebéplein 9", "1062 AH", "Amsterdam", Some("Nieuw-West"))
            .contact("samenaantafel", "020-6173340")
            .about(
                "Buurtrestaurant en maaltijdservice in Slotervaart, gerund door oudere werkzoekenden en \
                 nieuwkomers. Ouderen in de wijk krijgen bij ons een warme maaltijd aan huis.",
            )
            .sectors(&["catering", "care_wellbeing"])
            .employs(&["older_jobseekers", "refugee_background", "long_term_unemployed"])
            .market(58)
            .pso("trede_1", date(2027, 12, 31))
            .cso("applied")
            .offers([
                service("55521100", "Maaltijden aan huis voor ouderen")
                    .about("Elke dag een warme maaltijd bij ouderen thuis in Nieuw-West, met tijd voor een praatje.")
                    .price("€ 8,95 per maaltijd")
                    .lead("start binnen 1 week"),
                service("55523100", "Schoolmaaltijden")
                    .about("Gezonde lunch voor basisscholen in Nieuw-West.")
                    .price("op aanvraag")
                    .lead("tot 250 maaltijden per dag"),
                service("55520000", "Catering voor buurtbijeenkomsten")
                    .about("Buffetten voor bewonersavonden, iftars en buurtfeesten.")
                    .price("vanaf € 11 per persoon")
                    .lead("binnen 1 week"),
                service("55321000", "Maaltijdbereiding voor opvanglocaties")
                    .about(
                        "Bereiding van maaltijden voor opvanglocaties en woonvoorzieningen, geleverd in grote bakken.",
                    )
                    .area(places(&["Amsterdam", "Amstelveen", "Diemen"]))
                    .price("op aanvraag"),
            ]),
        wise("61250893", "Zaans Bedrijfsrestaurant", "B.V.", 2015)
            .at("Hemkade 30", "1506 PR", "Zaanstad", Some("Zaandam"))
            .contact("zaansbedrijfsrestaurant", "075-6123045")
            .about(
                "Cateraar voor bedrijfsrestaurants in de Zaanstreek. Onze medewerkers komen vaak uit de GGZ \
                 of een lange periode zonder werk en werken zich op tot kok of gastvrouw.",
            )
            .sectors(&["catering"])
            .employs(&["mental_health", "long_term_unemployed"])
            .market(88)
            .pso("trede_3", date(2028, 3, 31))
            .sena()
            .cert("ISO 9001", Some(date(2027, 5, 31)))
            .cert("HACCP", None)
            .offers([
                service("55511000", "Bedrijfsrestaurant op locatie")
                    .about("Volledige verzorging van uw bedrijfsrestaurant: koks, bediening en inkoop.")
                    .area(places(&["Zaanstad", "Purmerend", "Amsterdam"]))
                    .price("op aanvraag")
                    .lead("binnen 6 weken"),
                service("55520000", "Vergadercatering")
                    .about("Koffie, lunch en borrel voor vergaderingen en trainingen.")
                    .price("vanaf € 12,50 per persoon")
                    .lead("2 werkdagen vooraf"),
                service("55400000", "Koffiebar in uw pand")
                    .about("Bemande koffiebar met barista's in opleiding, voor kantoren en publieksbalies.")
                    .price("vanaf € 1.450 per maand"),
                service("55512000", "Kantinebeheer voor sportclubs")
                    .about("Beheer van kantines bij sportverenigingen, inclusief begeleiding van vrijwilligers.")
                    .inactive(),
            ]),
        wise("69204518", "Koffiebranderij Buitenkans", "B.V.", 2018)
            .at("Zijlweg 64", "2013 DE", "Haarlem", None)
            .contact("buitenkans", "023-5321876")
            .about(
                "Koffiebranderij en espressobar waar mensen met een psychische kwetsbaarheid of een \
                 detentieverleden het baristavak leren. We branden zelf en leveren koffie aan kantoren in \
                 Kennemerland.",
            )
            .sectors(&["catering", "food_production"])
            .employs(&["mental_health", "ex_offender"])
            .market(69)
            .pso("trede_1", date(2026, 10, 31))
            .cso("registered")
            .sena()
            .offers([
                good("15861100", "Versgebrande koffiebonen")
                    .about("Bonen uit eigen branderij, in zakken van 1 kilo voor kantoor en horeca.")
                    .area(national())
                    .price("vanaf € 21 per kilo")
                    .lead("binnen 5 werkdagen"),
                service("55400000", "Mobiele koffiebar")
                    .about("Koffiebar met barista voor congressen, beurzen en personeelsfeesten.")
                    .area(radius(40))
                    .price("vanaf € 395 per dagdeel")
                    .lead("binnen 2 weken"),
                service("80530000", "Baristatraining")
                    .about("Praktijktraining koffie zetten voor medewerkers van kantines en buurtkamers.")
                    .price("€ 145 per deelnemer"),
                service("55520000", "Ontbijt- en lunchcatering")
                    .about("Ontbijt en lunch voor vergaderingen in Haarlem en omgeving.")
                    .area(places(&["Haarlem", "Heemstede", "Haarlemmermeer"]))
                    .price("vanaf € 10 per persoon"),
            ]),
        wise("85530267", "Foodtruck Kansrijk", "B.V.", 2021)
            .at("Handweg 17", "1185 TS", "Amstelveen", None)
            .contact("foodtruckkansrijk", "020-4451290")
            .about(
                "Twee foodtrucks en een cateringkeuken waar jongeren zonder diploma in een half jaar hun \
                 eerste horecacertificaat halen.",
            )
            .sectors(&["catering"])
            .employs(&["youth_without_qualification"])
            .market(92)
            .pso("aspirant", date(2026, 6, 30))
            .offers([
                service("55520000", "Foodtruck op uw evenement")
                    .about("Burgers, wraps en vegetarische gerechten vanuit onze foodtruck.")
                    .area(radius(50))
                    .price("vanaf € 850 per dag")
                    .lead("binnen 3 weken"),
                service("55320000", "Lunch voor bouwplaatsen")
                    .about("Warme lunch voor bouwploegen op locatie, dagelijks of per project.")
                    .area(places(REGION))
                    .price("vanaf € 8 per persoon"),
                service("55410000", "Barbeheer bij buurtfeesten")
                    .about("Tapwagen met bemanning voor buurt- en sportevenementen.")
                    .price("op aanvraag")
                    .inactive(),
            ]),
    ]
}

fn cleaning() -> Vec<DemoWise> {
    vec![
        wise("58120346", "Schoon Werk Amsterdam", "B.V.", 2013)
            .at("Hoogoorddreef 54", "1101 BE", "Amsterdam", Some("Zuidoost"))
            .contact("schoonwerk", "020-3456712")
            .about(
                "Schoonmaakbedrijf met ruim 120 medewerkers, van wie de meesten lang zonder werk zaten of \
                 een vluchtelingenachtergrond hebben. Na een jaar krijgt iedereen een vast contract.",
            )
            .sectors(&["cleaning_facility"])
            .employs(&["long_term_unemployed", "refugee_background", "older_jobseekers"])
            .market(95)
            .pso("pso_30plus", date(2028, 1, 31))
            .sena()
            .cert("VSR-keurmerk", Some(date(2027, 9, 30)))
            .cert("ISO 9001", Some(date(2026, 12, 31)))
            .cert("VCA", Some(date(2027, 2, 28)))
            .offers([
                service("90919200", "Kantoorschoonmaak")
                    .about("Dagelijkse of periodieke schoonmaak van kantoren, ook buiten kantoortijden.")
                    .area(places(REGION))
                    .price("vanaf € 32 per uur")
                    .lead("start binnen 2 weken"),
                service("90911300", "Glasbewassing")
                    .about("Glasbewassing binnen en buiten tot vier verdiepingen, met hoogwerker op aanvraag.")
                    .area(places(REGION))
                    .price("vanaf € 2,10 per m²"),
                service("90919300", "Schoolschoonmaak")
                    .about("Schoonmaak van scholen en kinderopvang, afgestemd op de schooltijden.")
                    .price("op aanvraag"),
                service("90911200", "Opleveringsschoonmaak")
                    .about("Bouwschoonmaak en opleveringsschoonmaak van woningen en kantoren.")
                    .area(radius(30))
                    .price("vanaf € 4 per m²")
                    .lead("binnen 1 week"),
                service("90914000", "Parkeergarages reinigen")
                    .about("Machinaal vegen en schrobben van parkeergarages.")
                    .price("op aanvraag"),
                service("90690000", "Graffitiverwijdering")
                    .about("Verwijderen van graffiti en aanbrengen van een anti-graffitilaag.")
                    .price("vanaf € 45 per m²")
                    .lead("binnen 48 uur"),
                service("90919100", "Werkplekreiniging")
                    .about("Reinigen van toetsenborden, telefoons en beeldschermen op de werkplek.")
                    .price("vanaf € 2 per werkplek"),
                service("90921000", "Desinfecterende reiniging")
                    .about("Desinfecteren van sanitair, deurklinken en andere contactpunten.")
                    .price("op aanvraag")
                    .lead("binnen 24 uur"),
                service("98341130", "Conciërgediensten")
                    .about("Een vaste conciërge voor kantoorpanden en scholen, voor kleine klussen en toezicht.")
                    .price("vanaf € 31 per uur"),
                service("90610000", "Straatreiniging bij evenementen")
                    .about("Vegen en zwerfafval prikken rond markten en evenementen.")
                    .inactive(),
            ]),
        wise("73900125", "Glashelder Glasbewassing", "Coöperatie U.A.", 2017)
            .at("Ouddiemerlaan 104", "1111 HL", "Diemen", None)
            .contact("glashelder", "020-6990234")
            .about(
                "Glazenwassers- en gevelreinigingsbedrijf, opgezet door en voor mensen met een lichamelijke \
                 beperking of chronische aandoening. Het werk is zo ingericht dat iedereen veilig kan \
                 meedoen.",
            )
            .sectors(&["cleaning_facility"])
            .employs(&["physical_disability", "other"])
            .market(90)
            .pso("trede_2", date(2025, 11, 30))
            .cert("VCA", Some(date(2026, 8, 31)))
            .offers([
                service("90911300", "Glasbewassing voor bedrijven")
                    .about("Periodieke glasbewassing van kantoren en winkels.")
                    .area(places(&["Diemen", "Amsterdam", "Amstelveen"]))
                    .price("vanaf € 1,85 per m²")
                    .lead("binnen 1 week"),
                works("45452000", "Gevelreiniging")
                    .about("Reinigen van gevels en kozijnen met osmosewater en lage druk.")
                    .area(radius(25))
                    .price("op aanvraag")
                    .lead("binnen 3 weken"),
                service("90910000", "Zonnepanelen reinigen")
                    .about("Reinigen van zonnepanelen op bedrijfsdaken, zonder chemische middelen.")
                    .area(radius(25))
                    .price("vanaf € 3 per paneel"),
            ]),
        wise("40627719", "Facilitair Team Zuid", "Stichting", 2010)
            .at("Rijnstraat 118", "1079 HC", "Amsterdam", Some("Zuid"))
            .contact("facilitairteamzuid", "020-6445120")
            .about(
                "Facilitaire dienstverlener voor kantoren in Zuid en op de Zuidas. Mensen met een \
                 verstandelijke beperking werken bij ons als schoonmaker, gastheer of postbode, met vaste \
                 begeleiding op de werkvloer.",
            )
            .sectors(&["cleaning_facility", "logistics_mail"])
            .employs(&["intellectual_disability", "mental_health"])
            .market(77)
            .pso("trede_3", date(2027, 4, 30))
            .cso("registered")
            .sena()
            .offers([
                service("90919200", "Kantoorschoonmaak met jobcoach")
                    .about("Dagschoonmaak van kantoren door een vast team met een eigen jobcoach.")
                    .area(places(&["Amsterdam", "Amstelveen"]))
                    .price("vanaf € 34 per uur"),
                service("79992000", "Receptie en gastheerschap")
                    .about("Bemensing van receptie en ontvangstbalie, inclusief bezoekersregistratie.")
                    .price("op aanvraag")
                    .lead("binnen 4 weken"),
                service("64122000", "Interne postronde")
                    .about("Dagelijks ophalen, sorteren en rondbrengen van post en pakketten in uw gebouw.")
                    .price("vanaf € 1.200 per maand"),
                service("98341130", "Huismeesterdiensten")
                    .about("Kleine klussen, vergaderzalen klaarzetten en voorraden aanvullen.")
                    .price("vanaf € 29 per uur"),
                service("79993100", "Facilitaire ondersteuning")
                    .about("Schoonmaak, post en receptie gecombineerd in één contract.")
                    .price("op aanvraag"),
            ]),
        wise("86615032", "Poetsploeg Purmerend", "B.V.", 2020)
            .at("Wormerplein 52", "1442 CE", "Purmerend", None)
            .contact("poetsploeg", "0299-436812")
            .about(
                "Schoonmaakbedrijf voor kantoren, scholen en zorginstellingen in Purmerend en omgeving. We \
                 werken met mensen die lang uit beeld waren bij werkgevers, vaak vijftigplussers.",
            )
            .sectors(&["cleaning_facility"])
            .employs(&["older_jobseekers", "long_term_unemployed"])
            .market(93)
            .pso("basistrede", date(2027, 8, 31))
            .offers([
                service("90919300", "Schoonmaak van scholen")
                    .about("Dagelijkse schoonmaak van klaslokalen, gangen en sanitair.")
                    .area(places(&["Purmerend", "Zaanstad", "Edam-Volendam"]))
                    .price("vanaf € 31 per uur"),
                service("90911100", "Schoonmaak van zorglocaties")
                    .about("Schoonmaak van woonlocaties en dagbesteding volgens de hygiënerichtlijnen van de zorg.")
                    .price("op aanvraag"),
                service("90919200", "Kantoorschoonmaak")
                    .about("Schoonmaak van kleine en middelgrote kantoren.")
                    .price("vanaf € 31 per uur")
                    .lead("start binnen 1 week"),
                service("90911200", "Vloeronderhoud")
                    .about("Periodiek strippen, boenen en in de was zetten van harde vloeren.")
                    .price("vanaf € 2,50 per m²"),
            ]),
        wise("77341908", "Frisse Start Schoonmaak", "B.V.", 2019)
            .at("Waarderweg 22", "2031 BP", "Haarlem", Some("Waarderpolder"))
            .contact("frissestart", "023-5470093")
            .about(
                "Schoonmaakbedrijf in de Waarderpolder dat mensen na hun detentie een eerste baan biedt, \
                 met begeleiding door een vaste werkmeester.",
            )
            .sectors(&["cleaning_facility"])
            .employs(&["ex_offender"])
            .market(84)
            .pso("trede_1", date(2025, 3, 31))
            .status("suspended")
            .offers([
                service("90919200", "Kantoorschoonmaak")
                    .about("Avond- en weekendschoonmaak van kantoren en bedrijfsruimtes.")
                    .price("vanaf € 29 per uur"),
                service("90911300", "Glasbewassing")
                    .about("Glasbewassing voor bedrijven op bedrijventerreinen.")
                    .price("op aanvraag")
                    .inactive(),
                service("90910000", "Eenmalige dieptereiniging")
                    .about("Grote schoonmaak na een verbouwing, verhuizing of calamiteit.")
                    .price("vanaf € 35 per uur")
                    .lead("binnen 3 werkdagen"),
            ]),
    ]
}

fn construction() -> Vec<DemoWise> {
    vec![
        wise("62095187", "Bouwmaatjes Amsterdam", "B.V.", 2014)
            .at("Lambertus Zijlplein 3", "1067 HV", "Amsterdam", Some("Nieuw-West"))
            .contact("bouwmaatjes", "020-4087731")
            .about(
                "Onderhouds- en renovatiebedrijf waar jongeren zonder diploma en mensen na detentie een \
                 bouwopleiding volgen terwijl ze aan echte projecten werken. We werken veel voor \
                 woningcorporaties.",
            )
            .sectors(&["construction_maintenance"])
            .employs(&["youth_without_qualification", "ex_offender"])
            .market(86)
            .pso("trede_2", date(2027, 10, 31))
            .cso("registered")
            .sena()
            .cert("VCA", Some(date(2027, 6, 30)))
            .cert("Erkend Leerbedrijf", None)
            .offers([
                works("45442110", "Schilderwerk binnen en buiten")
                    .about("Schilderwerk aan woningen, trappenhuizen en kozijnen, ook in bewoonde staat.")
                    .area(places(REGION))
                    .price("vanaf € 48 per uur")
                    .lead("binnen 4 weken"),
                works("45453100", "Mutatieonderhoud van huurwoningen")
                    .about("Woningen opknappen tussen twee huurders: herstel, schilderwerk en vloeren.")
                    .price("vaste prijs per woning")
                    .lead("binnen 10 werkdagen"),
                works("45421000", "Timmerwerk")
                    .about("Herstel en vervanging van deuren, kozijnen en aftimmeringen.")
                    .price("vanaf € 52 per uur"),
                works("45432110", "Vloeren leggen")
                    .about("Leggen van pvc, laminaat en marmoleum in woningen en kantoren.")
                    .price("vanaf € 14 per m²"),
                works("45421153", "Inbouwkasten en ombouwen")
                    .about("Maatwerk kasten en ombouwen van gerecycled plaatmateriaal.")
                    .price("op aanvraag")
                    .lead("binnen 6 weken"),
                works("45262700", "Kleine verbouwingen")
                    .about("Wanden verplaatsen en keukens of badkamers vervangen.")
                    .price("op aanvraag")
                    .inactive(),
            ]),
        wise("66178024", "Klussenbedrijf Tweede Kans", "B.V.", 2016)
            .at("Lagedijk 110", "1541 KG", "Zaanstad", Some("Koog aan de Zaan"))
            .contact("tweedekans-klussen", "075-6289914")
            .about(
                "Klussen- en onderhoudsbedrijf voor woningcorporaties en particulieren in de Zaanstreek. \
                 Onze vakmensen zijn vijftigplussers die hun ervaring doorgeven aan collega's die lang \
                 werkloos waren.",
            )
            .sectors(&["construction_maintenance", "green_maintenance"])
            .employs(&["older_jobseekers", "long_term_unemployed"])
            .market(79)
            .pso("trede_1", date(2027, 3, 31))
            .offers([
                works("45453000", "Woningonderhoud voor corporaties")
                    .about("Planmatig en dagelijks onderhoud van huurwoningen.")
                    .area(places(&["Zaanstad", "Purmerend", "Wormerland"]))
                    .price("op aanvraag"),
                works("45442100", "Schilderwerk")
                    .about("Binnen- en buitenschilderwerk aan woningen en kleine bedrijfspanden.")
                    .price("vanaf € 45 per uur")
                    .lead("binnen 3 weken"),
                works("45421130", "Deuren en ramen plaatsen")
                    .about("Plaatsen en afhangen van deuren en ramen, inclusief hang- en sluitwerk.")
                    .price("vanaf € 47 per uur"),
                works("45432220", "Behangwerk")
                    .about("Behangen en sauzen van woningen, ook voor ouderen met een Wmo-indicatie.")
                    .price("vanaf € 9 per m²"),
                service("77314000", "Onderhoud van gemeenschappelijke tuinen")
                    .about("Onderhoud van binnentuinen en gemeenschappelijke tuinen bij wooncomplexen.")
                    .price("op aanvraag"),
            ]),
        wise("52840613", "Werkplaats Renovatie Oost", "Stichting", 2009)
            .at("Cruquiusweg 94", "1019 AG", "Amsterdam", Some("Oost"))
            .contact("renovatie-oost", "020-4630278")
            .about(
                "Renovatiebedrijf en opleidingswerkplaats op het Cruquiusterrein. Statushouders met \
                 bouwervaring uit hun land van herkomst halen hier hun Nederlandse vakdiploma en werken mee \
                 aan renovaties.",
            )
            .sectors(&["construction_maintenance", "recycling_repair"])
            .employs(&["refugee_background"])
            .market(66)
            .pso("trede_2", date(2028, 6, 30))
            .cso("applied")
            .cert("VCA", Some(date(2026, 9, 30)))
            .offers([
                works("45450000", "Afbouw en afwerking")
                    .about("Stucwerk, plafonds en aftimmerwerk bij renovatieprojecten.")
                    .area(radius(20))
                    .price("op aanvraag")
                    .lead("binnen 6 weken"),
                works("45431000", "Tegelwerk")
                    .about("Wand- en vloertegels in badkamers, keukens en entrees.")
                    .area(radius(20))
                    .price("vanaf € 42 per m²"),
                works("45111300", "Circulair strippen en demonteren")
                    .about("Zorgvuldig demonteren van interieurs, waarbij bruikbare materialen worden hergebruikt.")
                    .price("op aanvraag")
                    .lead("binnen 2 weken"),
                works("45262690", "Opknappen van leegstaande panden")
                    .about("Leegstaande panden geschikt maken voor tijdelijke bewoning of maatschappelijk gebruik.")
                    .price("op aanvraag"),
            ]),
    ]
}

fn green() -> Vec<DemoWise> {
    vec![
        wise("59473021", "Groenwerk Noord", "B.V.", 2012)
            .at("Johan van Hasseltweg 68", "1022 WZ", "Amsterdam", Some("Noord"))
            .contact("groenwerknoord", "020-6362915")
            .about(
                "Groenvoorzieningsbedrijf voor parken, plantsoenen en bedrijfsterreinen in Noord en \
                 Zaanstad. Onze ploegen bestaan uit mensen met een psychische kwetsbaarheid, met een vaste \
                 voorman.",
            )
            .sectors(&["green_maintenance"])
            .employs(&["mental_health", "long_term_unemployed"])
            .market(83)
            .pso("trede_2", date(2027, 5, 31))
            .sena()
            .cert("Groenkeur", Some(date(2026, 12, 31)))
            .offers([
                service("77310000", "Onderhoud openbaar groen")
                    .about("Maaien, snoeien, schoffelen en zwerfafval ruimen in parken en plantsoenen.")
                    .area(places(&["Amsterdam", "Zaanstad"]))
                    .price("op aanvraag")
                    .lead("start binnen 4 weken"),
                service("77313000", "Parkonderhoud")
                    .about("Volledig onderhoud van buurtparken, inclusief paden en speelplekken.")
                    .price("op aanvraag"),
                service("77342000", "Hagen knippen")
                    .about("Knippen van hagen en heesters, twee of drie keer per seizoen.")
                    .price("vanaf € 38 per uur"),
                service("77312000", "Onkruidbeheersing zonder gif")
                    .about("Onkruid verwijderen op verharding met borstelmachine en heet water.")
                    .price("vanaf € 0,35 per m²"),
                service("90511300", "Zwerfafval opruimen")
                    .about("Een vaste ronde langs pleinen, oevers en groenstroken.")
                    .price("vanaf € 32 per uur"),
            ]),
        wise("30581146", "Tuinploeg Groene Vingers", "Stichting", 2006)
            .at("Bovenkerkerweg 81", "1185 XE", "Amstelveen", None)
            .contact("groenevingers", "020-6411562")
            .about(
                "Tuinploeg voor bedrijfstuinen, schoolpleinen en particuliere tuinen in Amstelveen en \
                 Ouder-Amstel. Mensen met een verstandelijke beperking werken in vaste teams met een \
                 hovenier.",
            )
            .sectors(&["green_maintenance", "care_wellbeing"])
            .employs(&["intellectual_disability"])
            .market(46)
            .pso("trede_3", date(2028, 2, 29))
            .cso("registered")
            .offers([
                service("77311000", "Tuinonderhoud voor bedrijven")
                    .about("Onderhoud van bedrijfstuinen en entrees, het hele jaar door.")
                    .area(places(&["Amstelveen", "Ouder-Amstel", "Amsterdam"]))
                    .price("vanaf € 35 per uur"),
                service("77314000", "Terreinonderhoud")
                    .about("Onderhoud van terreinen rond scholen, kerken en zorglocaties.")
                    .price("op aanvraag"),
                service("77341000", "Snoeien van fruitbomen")
                    .about("Winter- en zomersnoei van fruitbomen en leibomen.")
                    .price("vanaf € 25 per boom")
                    .lead("december tot en met maart"),
                good("03451100", "Perkplanten uit eigen kwekerij")
                    .about("Eenjarige perkplanten en kruiden uit onze kwekerij, per tray.")
                    .price("vanaf € 16 per tray")
                    .lead("april tot en met juni"),
            ]),
        wise("04163870", "Zorgboerderij De Wilgenhoeve", "Stichting", 1998)
            .at("Hoofdweg 1320", "2153 LL", "Haarlemmermeer", Some("Nieuw-Vennep"))
            .contact("wilgenhoeve", "0252-621847")
            .about(
                "Zorgboerderij met moestuin, boomgaard en composteerplaats. Deelnemers met psychische of \
                 verslavingsproblemen werken mee in het groenonderhoud voor bedrijven in de \
                 Haarlemmermeer.",
            )
            .sectors(&["green_maintenance", "food_production", "care_wellbeing"])
            .employs(&["mental_health", "homeless_or_addiction"])
            .market(38)
            .pso("aspirant", date(2025, 12, 31))
            .cert("Biologisch (SKAL)", Some(date(2026, 10, 31)))
            .offers([
                service("77310000", "Groenonderhoud van bedrijventerreinen")
                    .about("Maaien, snoeien en bladruimen op bedrijventerreinen.")
                    .area(radius(15))
                    .price("op aanvraag"),
                service("77120000", "Composteren van groenafval")
                    .about("Ophalen en composteren van snoeiafval en blad; de compost gaat terug naar de klant.")
                    .area(radius(15))
                    .price("vanaf € 45 per m³"),
                good("03221000", "Groentekist van het seizoen")
                    .about("Groente uit de eigen moestuin, wekelijks als kist geleverd aan bedrijfskantines.")
                    .area(places(&["Haarlemmermeer", "Haarlem"]))
                    .price("vanaf € 18 per kist")
                    .lead("mei tot en met november"),
                good("03142100", "Honing van de boerderij")
                    .about("Honing van onze eigen bijenvolken, in potjes als relatiegeschenk.")
                    .area(national())
                    .price("€ 7,50 per pot")
                    .lead("zolang de voorraad strekt"),
            ]),
        wise("67328450", "Parkbeheer Zuidoost", "B.V.", 2015)
            .at("Karspeldreef 8", "1101 CJ", "Amsterdam", Some("Zuidoost"))
            .contact("parkbeheerzuidoost", "020-6973358")
            .about(
                "Beheerder van groen en sportvelden in Zuidoost en Diemen. We nemen buurtbewoners in dienst \
                 die lang werkloos waren of nog maar kort in Nederland zijn.",
            )
            .sectors(&["green_maintenance", "cleaning_facility"])
            .employs(&["long_term_unemployed", "refugee_background"])
            .market(91)
            .pso("trede_1", date(2027, 9, 30))
            .sena()
            .cert("VCA", Some(date(2026, 5, 31)))
            .offers([
                service("77313000", "Beheer van buurtparken")
                    .about("Integraal beheer van buurtparken: groen, paden, afval en kleine reparaties.")
                    .area(places(&["Amsterdam", "Diemen"]))
                    .price("op aanvraag")
                    .lead("start binnen 6 weken"),
                service("77320000", "Onderhoud van sportvelden")
                    .about("Maaien, beluchten en belijnen van natuurgras- en kunstgrasvelden.")
                    .area(places(&["Amsterdam", "Diemen"]))
                    .price("vanaf € 2.400 per veld per jaar"),
                service("77314100", "Gazons aanleggen")
                    .about("Aanleggen en herstellen van gazons met graszoden of zaad.")
                    .price("vanaf € 9 per m²"),
                service("90610000", "Vegen van pleinen en paden")
                    .about("Handmatig en machinaal vegen van pleinen, paden en winkelstraten.")
                    .price("vanaf € 36 per uur"),
                service("77211400", "Bomen kappen")
                    .about("Vellen van zieke bomen en verwijderen van stobben.")
                    .price("op aanvraag")
                    .inactive(),
            ]),
        wise("80267193", "Groen & Doen Haarlem", "Coöperatie U.A.", 2019)
            .at("Spaarndamseweg 302", "2021 KB", "Haarlem", None)
            .contact("groenendoen", "023-5763120")
            .about(
                "Coöperatie van hoveniers en leerlingen die groene daken, geveltuinen en schoolpleinen \
                 aanlegt. Jongeren zonder diploma leren bij ons het hoveniersvak.",
            )
            .sectors(&["green_maintenance"])
            .employs(&["youth_without_qualification", "long_term_unemployed"])
            .market(87)
            .pso("basistrede", date(2026, 12, 31))
            .cert("Groenkeur", Some(date(2027, 1, 31)))
            .offers([
                works("45112713", "Groene daken aanleggen")
                    .about("Aanleg van sedum- en kruidendaken, inclusief onderhoudsplan.")
                    .area(radius(40))
                    .price("vanaf € 55 per m²")
                    .lead("binnen 8 weken"),
                works("45112723", "Groene schoolpleinen")
                    .about("Ontwerp en aanleg van natuurlijke speelplaatsen, samen met de leerlingen.")
                    .area(radius(40))
                    .price("op aanvraag")
                    .lead("aanleg in de schoolvakanties"),
                service("77340000", "Snoeien van bomen en hagen")
                    .about("Snoeiwerk aan laanbomen, hagen en heesters.")
                    .price("vanaf € 40 per uur"),
                service("77315000", "Inzaaien van bloemenweides")
                    .about("Inzaaien en beheren van bloemrijke bermen en weides.")
                    .price("vanaf € 1,20 per m²")
                    .lead("zaaien in maart of september"),
            ]),
    ]
}

fn recycling() -> Vec<DemoWise> {
    vec![
        wise("64012857", "Fietsherstel De Spaak", "B.V.", 2015)
            .at("De Clercqstraat 58", "1052 NG", "Amsterdam", Some("West"))
            .contact("despaak", "020-6185510")
            .about(
                "Fietsenmakerij en opknapwerkplaats in West. Jongeren en nieuwkomers leren het \
                 fietsenmakersvak aan de hand van gedoneerde en achtergelaten fietsen.",
            )
            .sectors(&["recycling_repair", "retail_second_hand"])
            .employs(&["youth_without_qualification", "refugee_background"])
            .market(71)
            .pso("trede_1", date(2027, 11, 30))
            .cso("registered")
            .sena()
            .offers([
                good("34431000", "Opgeknapte fietsen")
                    .about("Gebruikte stadsfietsen, volledig nagekeken en met drie maanden garantie.")
                    .area(places(REGION))
                    .price("vanaf € 145")
                    .lead("binnen 1 week, ook in grote aantallen"),
                service("50800000", "Fietsonderhoud op locatie")
                    .about("Onze mobiele werkplaats onderhoudt de fietsen van uw medewerkers op uw eigen terrein.")
                    .area(radius(20))
                    .price("vanaf € 35 per fiets")
                    .lead("binnen 2 weken"),
                good("34432000", "Onderdelen en accessoires")
                    .about("Gebruikte en nieuwe onderdelen, fietsverlichting en sloten.")
                    .price("op aanvraag"),
                service("90514000", "Verwerking van weesfietsen")
                    .about("Ophalen en sorteren van weesfietsen, die we opknappen of laten recyclen.")
                    .price("op aanvraag"),
                service("80530000", "Cursus fietsreparatie")
                    .about("Cursus van vier avonden voor bewoners of medewerkers.")
                    .price("€ 95 per deelnemer"),
            ]),
        wise("55209764", "Reparatiewerkplaats Het Tweede Leven", "Stichting", 2013)
            .at("Pontanusstraat 30", "1093 SH", "Amsterdam", Some("Oost"))
            .contact("tweedeleven", "020-4681173")
            .about(
                "Werkplaats voor het repareren van huishoudelijke apparaten, audio en computers. Mensen met \
                 een arbeidsbeperking of een lange afstand tot werk repareren en verkopen apparaten die \
                 anders bij het afval belanden.",
            )
            .sectors(&["recycling_repair", "retail_second_hand"])
            .employs(&["physical_disability", "long_term_unemployed", "other"])
            .market(52)
            .pso("trede_2", date(2025, 6, 30))
            .offers([
                service("50340000", "Reparatie van audio- en videoapparatuur")
                    .about("Reparatie van versterkers, radio's, televisies en beamers.")
                    .price("vanaf € 25 onderzoekskosten")
                    .lead("binnen 2 weken"),
                service("50321000", "Computerreparatie")
                    .about("Reparatie en opschoning van laptops en desktops.")
                    .price("vanaf € 45")
                    .lead("binnen 1 week"),
                good("39710000", "Gereviseerde huishoudelijke apparaten")
                    .about("Wasmachines, koelkasten en kookplaten met zes maanden garantie.")
                    .price("vanaf € 95"),
                service("50800000", "Repareren op locatie")
                    .about("Repareerdagen op kantoor of in de buurt, voor apparaten van medewerkers of bewoners.")
                    .area(places(REGION))
                    .price("€ 650 per dagdeel")
                    .lead("binnen 4 weken"),
            ]),
        wise("76543019", "Laptop Lab Zuidoost", "B.V.", 2020)
            .at("Anton de Komplein 240", "1102 DR", "Amsterdam", Some("Zuidoost"))
            .contact("laptoplab", "020-8943376")
            .about(
                "Refurbisher van zakelijke laptops en telefoons. Jongeren uit Zuidoost leren er IT-techniek \
                 en geven afgeschreven apparatuur een tweede leven bij scholen en gezinnen.",
            )
            .sectors(&["recycling_repair", "it_services"])
            .employs(&["youth_without_qualification", "long_term_unemployed"])
            .market(76)
            .pso("basistrede", date(2027, 7, 31))
            .cert("ISO 27001", Some(date(2027, 10, 31)))
            .offers([
                good("30213100", "Refurbished laptops")
                    .about("Zakelijke laptops, volledig getest en schoon geïnstalleerd, met een jaar garantie.")
                    .area(national())
                    .price("vanaf € 189")
                    .lead("tot 300 stuks per maand"),
                service("90514000", "Inzameling van afgeschreven IT")
                    .about("Ophalen van afgeschreven laptops, telefoons en schermen, met recyclingcertificaat.")
                    .area(places(REGION))
                    .price("gratis vanaf 20 apparaten")
                    .lead("binnen 2 weken"),
                service("72300000", "Gecertificeerde dataverwijdering")
                    .about("Veilig wissen van harde schijven en telefoons, met een rapport per serienummer.")
                    .area(national())
                    .price("vanaf € 6 per apparaat"),
                service("50312600", "Onderhoud van IT-apparatuur")
                    .about("Onderhoud en reparatie van laptops en schermen voor scholen.")
                    .price("vanaf € 39 per uur"),
            ]),
        wise("68850231", "Meubelmakerij Oud & Nieuw", "B.V.", 2017)
            .at("Zaanweg 73", "1521 DM", "Zaanstad", Some("Wormerveer"))
            .contact("oudennieuw", "075-6402287")
            .about(
                "Meubelmakerij die afgedankt kantoormeubilair opknapt, herstoffeert en weer verkoopt. \
                 Werknemers met een verstandelijke of lichamelijke beperking werken samen met ervaren \
                 meubelmakers.",
            )
            .sectors(&["recycling_repair", "production_assembly"])
            .employs(&["intellectual_disability", "physical_disability"])
            .market(82)
            .pso("trede_3", date(2027, 12, 31))
            .sena()
            .cert("FSC-certificaat", Some(date(2026, 4, 30)))
            .offers([
                good("39130000", "Gerefurbished kantoormeubilair")
                    .about("Bureaus, kasten en bureaustoelen, opgeknapt en als nieuw geleverd.")
                    .area(national())
                    .price("vanaf € 85 per bureau")
                    .lead("binnen 3 weken"),
                service("50850000", "Meubelreparatie")
                    .about("Herstel van stoelen, tafels en kasten van scholen en kantoren.")
                    .area(places(&["Zaanstad", "Amsterdam", "Purmerend"]))
                    .price("vanaf € 42 per uur"),
                service("98394000", "Herstofferen")
                    .about("Bekleden van stoelen en banken met nieuwe of gerecyclede stof.")
                    .price("vanaf € 60 per stoel")
                    .lead("binnen 4 weken"),
                service("90514000", "Inventaris ophalen bij verhuizing")
                    .about("We halen kantoorinventaris op en zorgen voor hergebruik of verantwoorde recycling.")
                    .area(places(&["Zaanstad", "Amsterdam", "Purmerend"]))
                    .price("op aanvraag"),
                good("39121200", "Tafels van restmateriaal")
                    .about("Vergadertafels en werktafels van gerecycled hout, op maat gemaakt.")
                    .area(national())
                    .price("vanaf € 450")
                    .lead("binnen 6 weken"),
            ]),
        wise("95137702", "Grondstoffenhal Nieuw-West", "Stichting", 2025)
            .at("Sloterweg 796", "1066 CN", "Amsterdam", Some("Nieuw-West"))
            .contact("grondstoffenhal", "020-2251873")
            .about(
                "Nieuwe grondstoffenhal waar bewoners en bedrijven hun afval gescheiden aanleveren. Mensen \
                 met een verslavingsverleden sorteren en verwerken de stromen.",
            )
            .sectors(&["recycling_repair"])
            .employs(&["homeless_or_addiction", "long_term_unemployed"])
            .status("pending")
            .offers([
                service("90511400", "Papier en karton ophalen")
                    .about("Wekelijks ophalen van oud papier en karton bij kantoren en winkels.")
                    .price("op aanvraag"),
                service("90514000", "Sorteren van bedrijfsafval")
                    .about("Nasorteren van gemengd bedrijfsafval in herbruikbare stromen.")
                    .price("op aanvraag"),
                service("90512000", "Afvaltransport met de bakwagen")
                    .about("Transport van kleine afvalstromen met elektrische bakwagens.")
                    .price("vanaf € 55 per rit"),
            ]),
        wise("37620458", "Tweewielerwerkplaats Purmerend", "Stichting", 2011)
            .at("Handelsweg 14", "1446 TR", "Purmerend", None)
            .contact("tweewielerwerkplaats", "0299-471205")
            .about(
                "Fietsenwerkplaats met verhuur bij station Purmerend. Mensen met een psychische \
                 kwetsbaarheid of verstandelijke beperking werken hier in hun eigen tempo.",
            )
            .sectors(&["recycling_repair"])
            .employs(&["mental_health", "intellectual_disability"])
            .market(48)
            .pso("trede_1", date(2026, 9, 30))
            .cso("registered")
            .offers([
                service("50800000", "Fietsreparatie")
                    .about("Reparatie en onderhoud van fietsen en e-bikes, klaar terwijl u werkt.")
                    .price("vanaf € 25")
                    .lead("dezelfde dag"),
                good("34431000", "Gebruikte fietsen")
                    .about("Nagekeken gebruikte fietsen met garantie.")
                    .price("vanaf € 120"),
                good("34432100", "Fietsbanden")
                    .about("Nieuwe en gebruikte banden en binnenbanden, gemonteerd of los.")
                    .price("vanaf € 12"),
                service("50421100", "Onderhoud van rolstoelen en scootmobielen")
                    .about("Periodiek onderhoud van rolstoelen en scootmobielen voor zorginstellingen.")
                    .area(places(&["Purmerend", "Edam-Volendam", "Waterland"]))
                    .price("op aanvraag")
                    .lead("binnen 1 week"),
            ]),
    ]
}

fn second_hand() -> Vec<DemoWise> {
    vec![
        wise("33472189", "Kringloopwinkel De Omloop", "Stichting", 1994)
            .at("Molukkenstraat 200", "1098 TW", "Amsterdam", Some("Oost"))
            .contact("deomloop", "020-6681244")
            .about(
                "Kringloopwarenhuis van 2.000 vierkante meter in Oost, met een ophaal- en ontruimingsdienst. \
                 Zo'n tachtig mensen met een afstand tot de arbeidsmarkt werken in de winkel, de sorteerhal \
                 en op de wagens.",
            )
            .sectors(&["retail_second_hand", "recycling_repair", "logistics_mail"])
            .employs(&["long_term_unemployed", "older_jobseekers", "mental_health", "ex_offender"])
            .market(89)
            .pso("pso_30plus", date(2027, 2, 28))
            .cso("registered")
            .sena()
            .offers([
                good("39100000", "Tweedehands meubels")
                    .about("Gebruikte meubels voor woningen, kantoren en opvanglocaties.")
                    .area(places(REGION))
                    .price("vanaf € 10"),
                good("18000000", "Tweedehands kleding")
                    .about("Gesorteerde kleding per stuk of per partij, bijvoorbeeld voor opvang of theater.")
                    .price("vanaf € 2 per stuk"),
                good("39221000", "Keukenpakketten")
                    .about("Complete pakketten met servies en pannen voor starters en statushouders.")
                    .price("€ 45 per pakket")
                    .lead("binnen 1 week"),
                good("22110000", "Boeken per partij")
                    .about("Boeken voor leesplekken, wachtkamers en scholen.")
                    .price("op aanvraag"),
                service("98392000", "Woningontruiming")
                    .about("Bezemschoon opleveren van woningen, waarbij we de inboedel zo veel mogelijk hergebruiken.")
                    .price("vanaf € 395")
                    .lead("binnen 5 werkdagen"),
                service("90511000", "Ophaaldienst voor bruikbare spullen")
                    .about("Gratis ophalen van herbruikbare goederen bij bedrijven en bewoners.")
                    .price("gratis")
                    .lead("binnen 1 week"),
                service("63121100", "Opslag van inboedels")
                    .about("Tijdelijke opslag van inboedels bij een huisuitzetting of verbouwing.")
                    .price("vanaf € 60 per maand"),
                good("39710000", "Gecontroleerd witgoed")
                    .about("Gebruikte wasmachines en koelkasten, getest door onze eigen elektricien.")
                    .price("vanaf € 75")
                    .inactive(),
            ]),
        wise("41950376", "Kringloop Amstelland", "Stichting", 2001)
            .at("Legmeerdijk 285", "1187 NH", "Amstelveen", None)
            .contact("kringloopamstelland", "020-6455321")
            .about(
                "Kringloopwinkel en ophaaldienst voor Amstelveen en Uithoorn. Wij bieden werk aan mensen \
                 met een arbeidsbeperking en een zinvolle plek aan oudere werkzoekenden.",
            )
            .sectors(&["retail_second_hand"])
            .employs(&["intellectual_disability", "older_jobseekers"])
            .market(94)
            .pso("trede_2", date(2028, 4, 30))
            .offers([
                good("39143000", "Woonmeubels")
                    .about("Banken, kasten en eettafels uit onze winkel, ook thuisbezorgd.")
                    .area(places(&["Amstelveen", "Uithoorn", "Aalsmeer"]))
                    .price("vanaf € 15")
                    .lead("bezorging binnen 1 week"),
                service("98392000", "Ontruimingen")
                    .about("Ontruimen van woningen na een overlijden of een verhuizing naar een verpleeghuis.")
                    .price("op aanvraag")
                    .lead("binnen 1 week"),
                good("37520000", "Speelgoed")
                    .about("Gecontroleerd en gereinigd speelgoed, per stuk of als pakket voor de kinderopvang.")
                    .price("vanaf € 1"),
                service("90511000", "Gratis ophaaldienst")
                    .about("We halen bruikbare spullen gratis bij u op.")
                    .area(places(&["Amstelveen", "Uithoorn", "Aalsmeer"]))
                    .price("gratis"),
            ]),
        wise("72118540", "Tweedehands Warenhuis Zaandam", "B.V.", 2014)
            .at("Provincialeweg 40", "1506 MA", "Zaanstad", Some("Zaandam"))
            .contact("warenhuiszaandam", "075-6160048")
            .about(
                "Groot tweedehands warenhuis met een eigen webwinkel. Mensen die lang werkloos waren, \
                 werken bij ons in de winkel, in het magazijn en aan de webwinkel.",
            )
            .sectors(&["retail_second_hand", "logistics_mail"])
            .employs(&["long_term_unemployed", "refugee_background", "other"])
            .market(97)
            .pso("basistrede", date(2027, 1, 31))
            .sena()
            .offers([
                good("39100000", "Meubels uit het warenhuis")
                    .about("Tweedehands meubels, ook online te bestellen en thuisbezorgd.")
                    .area(places(&["Zaanstad", "Purmerend", "Amsterdam"]))
                    .price("vanaf € 10"),
                good("39130000", "Kantoorinrichting uit voorraad")
                    .about("Gebruikte bureaus, stoelen en kasten in grote aantallen.")
                    .price("op aanvraag")
                    .lead("binnen 2 weken"),
                good("18000000", "Vintage kleding")
                    .about("Geselecteerde vintage kleding voor winkels en kostuumafdelingen.")
                    .area(national())
                    .price("vanaf € 8 per stuk"),
                service("63120000", "Opslag en fulfilment")
                    .about("Opslag, orderverwerking en verzending voor kleine webwinkels.")
                    .price("op aanvraag")
                    .lead("start binnen 4 weken"),
            ]),
        wise("82603914", "Boekhandel Tweede Hoofdstuk", "B.V.", 2018)
            .at("Haarlemmerdijk 121", "1013 KE", "Amsterdam", Some("Centrum"))
            .contact("tweedehoofdstuk", "020-3204479")
            .about(
                "Tweedehands boekwinkel en antiquariaat. Mensen met autisme of een psychische kwetsbaarheid \
                 catalogiseren, prijzen en verkopen de boeken, in de winkel en online.",
            )
            .sectors(&["retail_second_hand"])
            .employs(&["mental_health", "other"])
            .market(85)
            .cso("applied")
            .offers([
                good("22110000", "Tweedehands boeken")
                    .about("Literatuur, kinderboeken en non-fictie, per stuk of in partijen.")
                    .area(national())
                    .price("vanaf € 2"),
                service("79995200", "Catalogiseren van boekencollecties")
                    .about("Beschrijven en digitaal catalogiseren van collecties van bibliotheken en verenigingen.")
                    .area(national())
                    .price("vanaf € 38 per uur")
                    .lead("binnen 3 weken"),
                service("79995100", "Archief opschonen")
                    .about("Ordenen en opschonen van papieren archieven en bibliotheken.")
                    .price("op aanvraag"),
                good("22113000", "Boekenpakketten voor leesplekken")
                    .about("Samengestelde boekenpakketten voor wijkbibliotheken, scholen en wachtkamers.")
                    .price("€ 75 per pakket van 50 boeken"),
            ]),
    ]
}

fn textiles() -> Vec<DemoWise> {
    vec![
        wise("60385127", "Atelier Naald & Draad", "Stichting", 2014)
            .at("Kinkerstraat 255", "1053 DW", "Amsterdam", Some("West"))
            .contact("naaldendraad", "020-6126683")
            .about(
                "Naaiatelier waar vrouwen met een vluchtelingenachtergrond het vak van coupeuse leren. We \
                 maken bedrijfskleding, tassen en interieurtextiel in kleine en middelgrote series.",
            )
            .sectors(&["textiles", "creative_crafts"])
            .employs(&["refugee_background", "long_term_unemployed"])
            .market(63)
            .pso("trede_2", date(2027, 6, 30))
            .cso("registered")
            .sena()
            .offers([
                good("18222000", "Bedrijfskleding op maat")
                    .about("Schorten, jasjes en blouses in uw huisstijl, in series vanaf 20 stuks.")
                    .area(national())
                    .price("vanaf € 35 per stuk")
                    .lead("binnen 6 weken"),
                good("18936000", "Textieltassen")
                    .about("Tassen van oude spandoeken, gerecycled katoen of uw eigen stof.")
                    .area(national())
                    .price("vanaf € 6,50 per stuk")
                    .lead("vanaf 100 stuks, binnen 4 weken"),
                good("39515100", "Gordijnen en vouwgordijnen")
                    .about("Gordijnen op maat voor kantoren, scholen en woonprojecten.")
                    .area(places(REGION))
                    .price("op aanvraag")
                    .lead("binnen 5 weken"),
                service("50830000", "Kledingreparatie")
                    .about("Herstel van werkkleding en uniformen, inclusief ophalen en terugbrengen.")
                    .price("vanaf € 8 per stuk")
                    .lead("binnen 1 week"),
                good("39561130", "Geborduurde badges")
                    .about("Geborduurde badges en labels voor kleding en tassen.")
                    .area(national())
                    .price("vanaf € 2 per stuk"),
            ]),
        wise("38264095", "Naaiatelier De Zoom", "Stichting", 2008)
            .at("Slotermeerlaan 103", "1063 JN", "Amsterdam", Some("Nieuw-West"))
            .contact("dezoom", "020-6159931")
            .about(
                "Atelier in Slotermeer voor productiewerk in textiel: tafellinnen, kussens en werkkleding. \
                 Werknemers met een psychische of verstandelijke beperking werken er in een rustige \
                 omgeving met vaste begeleiders.",
            )
            .sectors(&["textiles"])
            .employs(&["mental_health", "intellectual_disability"])
            .market(57)
            .pso("trede_1", date(2027, 3, 31))
            .offers([
                good("39513000", "Tafellinnen")
                    .about("Tafelkleden, servetten en tafellopers voor horeca en evenementen.")
                    .area(national())
                    .price("vanaf € 4 per servet")
                    .lead("binnen 4 weken"),
                good("39516110", "Kussens en zitkussens")
                    .about("Zitkussens voor banken, vensterbanken en speelhoeken.")
                    .area(national())
                    .price("vanaf € 22"),
                good("18110000", "Werkkleding")
                    .about("Werkbroeken, jassen en overalls, ook in kleine aantallen.")
                    .price("op aanvraag"),
                service("50830000", "Herstel en aanpassing")
                    .about("Herstellen, inkorten en aanpassen van uniformen en kostuums.")
                    .price("vanaf € 7,50")
                    .lead("binnen 1 week"),
            ]),
        wise("57716248", "Wasserij Helder", "B.V.", 2012)
            .at("Holterbergweg 22", "1101 CH", "Amsterdam", Some("Zuidoost"))
            .contact("wasserijhelder", "020-3129945")
            .about(
                "Bedrijfswasserij voor horeca, sportclubs en zorginstellingen. Mensen met een \
                 verstandelijke beperking en langdurig werklozen wassen, strijken en vouwen; onze chauffeurs \
                 halen op en brengen terug.",
            )
            .sectors(&["textiles", "cleaning_facility"])
            .employs(&["intellectual_disability", "long_term_unemployed"])
            .market(96)
            .pso("trede_3", date(2027, 8, 31))
            .sena()
            .cert("ISO 14001", Some(date(2027, 11, 30)))
            .offers([
                service("98311000", "Wasgoed ophalen en bezorgen")
                    .about("Ophalen en terugbrengen van wasgoed, twee keer per week.")
                    .area(places(REGION))
                    .price("vanaf € 1,60 per kilo")
                    .lead("start binnen 2 weken"),
                service("98311100", "Linnenbeheer")
                    .about("Huur en beheer van lakens, handdoeken en tafellinnen.")
                    .area(places(REGION))
                    .price("op aanvraag"),
                service("98312000", "Reinigen van bedrijfskleding")
                    .about("Wassen en strijken van werkkleding volgens de hygiëne-eisen van zorg en horeca.")
                    .price("vanaf € 1,90 per stuk"),
                service("98315000", "Strijkservice")
                    .about("Strijken en vouwen van overhemden en tafellinnen.")
                    .price("vanaf € 2,25 per stuk")
                    .lead("binnen 3 werkdagen"),
            ]),
        wise("89024763", "Herstelatelier Draadwerk", "B.V.", 2022)
            .at("Kleine Houtstraat 77", "2011 DG", "Haarlem", None)
            .contact("draadwerk", "023-5348817")
            .about(
                "Upcycle-atelier dat afgedankte bedrijfskleding en spandoeken verwerkt tot tassen en \
                 accessoires. Het team bestaat uit jongeren zonder diploma en mensen met een \
                 detentieverleden.",
            )
            .sectors(&["textiles", "creative_crafts"])
            .employs(&["youth_without_qualification", "ex_offender"])
            .market(80)
            .pso("aspirant", date(2026, 7, 31))
            .offers([
                good("18931100", "Rugzakken van gerecycled textiel")
                    .about("Rugzakken van oude bedrijfskleding en spandoeken, met uw logo.")
                    .area(national())
                    .price("vanaf € 39")
                    .lead("binnen 6 weken"),
                good("18930000", "Tassen van uw eigen bedrijfskleding")
                    .about("We verwerken uw afgedankte werkkleding tot tassen voor uw medewerkers.")
                    .area(national())
                    .price("op aanvraag")
                    .lead("vanaf 50 stuks"),
                good("39525800", "Poetsdoeken")
                    .about("Poetsdoeken van onbruikbaar textiel, per doos van 10 kilo.")
                    .price("€ 24 per doos"),
                service("50830000", "Reparatie van werkkleding")
                    .about("Reparatie van werkkleding en tassen, zodat ze langer meegaan.")
                    .area(places(&["Haarlem", "Haarlemmermeer", "Zandvoort"]))
                    .price("vanaf € 9 per stuk"),
            ]),
    ]
}

fn production() -> Vec<DemoWise> {
    vec![
        wise("27405318", "Montagebedrijf Samenwerk", "B.V.", 2004)
            .at("Taurusavenue 33", "2132 LS", "Haarlemmermeer", Some("Hoofddorp"))
            .contact("samenwerk", "023-5643380")
            .about(
                "Productie- en inpakbedrijf bij Schiphol voor assemblage, verpakking en fulfilment. Ruim \
                 honderd medewerkers met een arbeidsbeperking werken hier in ploegen met een eigen \
                 teamleider.",
            )
            .sectors(&["production_assembly", "logistics_mail"])
            .employs(&["physical_disability", "intellectual_disability", "mental_health"])
            .market(91)
            .pso("pso_30plus", date(2027, 12, 31))
            .cso("registered")
            .sena()
            .cert("ISO 9001", Some(date(2028, 1, 31)))
            .offers([
                service("79921000", "Verpakken en ompakken")
                    .about("Handmatig verpakken, ompakken en sealen van producten, van kleine tot grote series.")
                    .area(national())
                    .price("op aanvraag")
                    .lead("binnen 1 week"),
                good("31520000", "Montage van ledverlichting")
                    .about("Assembleren en testen van ledarmaturen in opdracht van fabrikanten.")
                    .area(national())
                    .price("op aanvraag"),
                service("63121000", "Opslag en orderpicking")
                    .about("Opslag, orderpicking en verzending voor webwinkels en fabrikanten.")
                    .area(national())
                    .price("op aanvraag"),
                service("79571000", "Mailings")
                    .about("Vouwen, insteken, adresseren en aanbieden van mailings.")
                    .area(national())
                    .price("vanaf € 0,08 per stuk")
                    .lead("binnen 3 werkdagen"),
                good("18530000", "Relatiegeschenkpakketten")
                    .about("Samenstellen en verzenden van kerstpakketten en relatiegeschenken.")
                    .area(national())
                    .price("vanaf € 2,50 per pakket")
                    .lead("bestellen voor 1 november"),
                service("79920000", "Etiketteren en coderen")
                    .about("Etiketteren, stickeren en voorzien van barcodes van producten en verpakkingen.")
                    .area(radius(60))
                    .price("vanaf € 0,04 per stuk"),
                service("90514000", "Demontage voor recycling")
                    .about("Uit elkaar halen van apparatuur en sorteren van de materialen voor recycling.")
                    .price("op aanvraag")
                    .inactive(),
            ]),
        wise("33108642", "Werkplaats Het Anker", "Stichting", 1968)
            .at("Hamerstraat 19", "1021 JT", "Amsterdam", Some("Noord"))
            .contact("hetanker", "020-6321487")
            .about(
                "Voormalige sociale werkplaats, sinds 2015 een zelfstandig sociaal bedrijf voor metaal- en \
                 houtbewerking. We maken straatmeubilair, werkbanken en onderdelen voor de maakindustrie.",
            )
            .sectors(&["production_assembly"])
            .employs(&["physical_disability", "older_jobseekers", "intellectual_disability"])
            .market(73)
            .pso("trede_3", date(2025, 10, 31))
            .sena()
            .cert("VCA", Some(date(2026, 10, 31)))
            .offers([
                good("39151200", "Werkbanken")
                    .about("Stevige werkbanken van staal en hout voor werkplaatsen en scholen.")
                    .area(national())
                    .price("vanaf € 640")
                    .lead("binnen 6 weken"),
                good("39113600", "Banken voor de openbare ruimte")
                    .about("Parkbanken en picknicksets van gerecycled hout en staal.")
                    .area(national())
                    .price("vanaf € 890")
                    .lead("binnen 8 weken"),
                good("44221300", "Hekwerken en poorten")
                    .about("Hekwerken en poorten op maat, thermisch verzinkt en gepoedercoat.")
                    .area(radius(50))
                    .price("op aanvraag")
                    .lead("binnen 6 weken"),
                works("45262680", "Laswerk op locatie")
                    .about("Reparatie- en laswerk aan hekwerken, trappen en balkons.")
                    .area(radius(30))
                    .price("vanaf € 58 per uur"),
                good("39151100", "Stellingen")
                    .about("Magazijn- en archiefstellingen van hergebruikt staal.")
                    .area(national())
                    .price("op aanvraag"),
            ]),
        wise("71482056", "Assemblage Zaanbocht", "B.V.", 2010)
            .at("Industrieweg 21", "1562 AJ", "Zaanstad", Some("Krommenie"))
            .contact("zaanbocht", "075-6213349")
            .about(
                "Assemblage- en verpakkingsbedrijf voor de voedings- en maakindustrie in de Zaanstreek. \
                 Mensen met een arbeidsbeperking werken hier op aangepaste werkplekken, met hulpmiddelen \
                 waar dat nodig is.",
            )
            .sectors(&["production_assembly"])
            .employs(&["physical_disability", "mental_health", "long_term_unemployed"])
            .market(98)
            .pso("trede_2", date(2027, 4, 30))
            .cert("ISO 9001", Some(date(2026, 11, 30)))
            .cert("BRC Packaging", Some(date(2026, 8, 31)))
            .offers([
                service("79921000", "Verpakken van levensmiddelen")
                    .about("Verpakken en etiketteren van droge levensmiddelen in een hygiënische ruimte.")
                    .area(places(&["Zaanstad", "Amsterdam", "Purmerend", "Wormerland"]))
                    .price("op aanvraag")
                    .lead("binnen 2 weken"),
                good("31300000", "Kabelsets en kabelbomen")
                    .about("Op maat knippen, strippen en assembleren van kabelsets voor installateurs.")
                    .area(national())
                    .price("op aanvraag")
                    .lead("binnen 3 weken"),
                service("63100000", "Overslag en opslag")
                    .about("Tijdelijke opslag en overslag van pallets voor bedrijven in de Zaanstreek.")
                    .price("vanaf € 6 per pallet per week"),
            ]),
        wise("58930471", "Houtwerkplaats De Krul", "Stichting", 2016)
            .at("Daalwijkdreef 47", "1103 AD", "Amsterdam", Some("Zuidoost"))
            .contact("dekrul", "020-3634401")
            .about(
                "Houtwerkplaats die van afvalhout uit de bouw nieuwe producten maakt. Jongeren en mensen die \
                 dakloos zijn geweest leren hier timmeren, schuren en afwerken.",
            )
            .sectors(&["production_assembly", "creative_crafts"])
            .employs(&["youth_without_qualification", "homeless_or_addiction"])
            .market(61)
            .pso("basistrede", date(2026, 11, 30))
            .offers([
                good("39142000", "Tuinmeubels van resthout")
                    .about("Tuinbanken, tafels en plantenbakken van gerecycled bouwhout.")
                    .area(places(REGION))
                    .price("vanaf € 180")
                    .lead("binnen 5 weken"),
                good("37520000", "Houten speelgoed")
                    .about("Degelijk houten speelgoed voor kinderopvang en scholen.")
                    .area(national())
                    .price("vanaf € 12"),
                good("39154100", "Beursstands")
                    .about("Herbruikbare beursstands en displays van hout, ontworpen met u.")
                    .area(national())
                    .price("op aanvraag")
                    .lead("binnen 4 weken"),
                good("39298900", "Houten decoraties")
                    .about("Decoraties en bewegwijzering van hout voor winkels en evenementen.")
                    .price("op aanvraag")
                    .inactive(),
            ]),
    ]
}

fn logistics() -> Vec<DemoWise> {
    vec![
        wise("69731540", "Trapkracht Koeriers", "B.V.", 2017)
            .at("Spuistraat 230", "1012 VT", "Amsterdam", Some("Centrum"))
            .contact("trapkracht", "020-7370915")
            .about(
                "Fietskoeriersdienst met elektrische bakfietsen voor pakketten, documenten en \
                 stadsdistributie. Onze koeriers zijn vaak jongeren zonder diploma of mensen die na een \
                 verslaving opnieuw beginnen.",
            )
            .sectors(&["logistics_mail"])
            .employs(&["youth_without_qualification", "homeless_or_addiction"])
            .market(99)
            .pso("trede_1", date(2027, 7, 31))
            .sena()
            .cert("CO2-Prestatieladder niveau 3", Some(date(2027, 4, 30)))
            .offers([
                service("64120000", "Fietskoerier binnen de ring")
                    .about("Spoedzendingen binnen de ring A10, binnen twee uur bezorgd.")
                    .price("vanaf € 12,50 per rit")
                    .lead("binnen 2 uur"),
                service("64121100", "Postbezorging voor kantoren")
                    .about("Dagelijkse post- en pakketronde tussen uw vestigingen.")
                    .area(places(&["Amsterdam", "Amstelveen", "Diemen"]))
                    .price("vanaf € 450 per maand"),
                service("60161000", "Stadsdistributie")
                    .about("De laatste kilometer, vanuit onze hub aan de stadsrand naar winkels in het centrum.")
                    .area(radius(15))
                    .price("op aanvraag")
                    .lead("dezelfde dag"),
                service("64121200", "Pakketbezorging")
                    .about("Bezorgen van pakketten voor webwinkels, ook op zaterdag.")
                    .area(radius(15))
                    .price("vanaf € 4,75 per pakket"),
            ]),
        wise("43218806", "Postkamer Plus", "Stichting", 2009)
            .at("Gustav Mahlerlaan 310", "1082 ME", "Amsterdam", Some("Zuid"))
            .contact("postkamerplus", "020-5704418")
            .about(
                "Postkamerteams voor kantoren op de Zuidas. Medewerkers met een verstandelijke beperking of \
                 autisme verzorgen de post, scannen documenten en beheren voorraden.",
            )
            .sectors(&["logistics_mail", "printing_office"])
            .employs(&["intellectual_disability", "other"])
            .market(88)
            .pso("trede_2", date(2028, 5, 31))
            .cso("registered")
            .offers([
                service("64122000", "Postkamer op locatie")
                    .about("Een vast team verzorgt de in- en uitgaande post op uw kantoor.")
                    .area(places(&["Amsterdam", "Amstelveen"]))
                    .price("vanaf € 2.800 per maand")
                    .lead("start binnen 6 weken"),
                service("79999100", "Scannen van inkomende post")
                    .about("Digitaliseren van inkomende post en aanleveren in uw documentsysteem.")
                    .price("vanaf € 0,12 per pagina"),
                service("79571000", "Mailings verzendklaar maken")
                    .about("Vouwen, couverteren en frankeren van mailings.")
                    .price("vanaf € 0,09 per stuk")
                    .lead("binnen 3 werkdagen"),
                service("79991000", "Voorraadbeheer kantoorartikelen")
                    .about("Beheer van kantoorartikelen en facilitaire voorraden, inclusief bestellen.")
                    .price("op aanvraag"),
            ]),
        wise("75206913", "Magazijn Westpoort", "B.V.", 2013)
            .at("Kabelweg 37", "1014 BA", "Amsterdam", Some("West"))
            .contact("magazijnwestpoort", "020-6840325")
            .about(
                "Logistiek dienstverlener in het havengebied met opslag, orderpicking en transport. Mensen \
                 met een detentieverleden of lange werkloosheid halen hier hun heftruckcertificaat en werken \
                 door naar een vaste baan.",
            )
            .sectors(&["logistics_mail"])
            .employs(&["ex_offender", "long_term_unemployed", "refugee_background"])
            .market(100)
            .pso("trede_1", date(2025, 8, 31))
            .sena()
            .cert("VCA", Some(date(2027, 3, 31)))
            .offers([
                service("63120000", "Opslag en warehousing")
                    .about("Opslag van pallets en goederen in een verwarmd magazijn van 6.000 m².")
                    .area(national())
                    .price("vanaf € 7 per pallet per week"),
                service("63100000", "Laden en lossen")
                    .about("Laad- en losploegen voor containers en vrachtwagens.")
                    .area(radius(50))
                    .price("vanaf € 38 per uur")
                    .lead("binnen 24 uur"),
                service("60100000", "Transport met bestelbussen")
                    .about("Transport van goederen en inboedels in de regio.")
                    .area(radius(80))
                    .price("vanaf € 65 per uur"),
                service("79991000", "Voorraadtellingen")
                    .about("Inventarisatie en voorraadtellingen bij u op locatie.")
                    .area(radius(50))
                    .price("op aanvraag"),
                service("79921000", "Retourverwerking")
                    .about("Controleren, ompakken en terugboeken van retourzendingen.")
                    .area(national())
                    .price("op aanvraag"),
            ]),
        wise("86327095", "Verhuisbedrijf De Sjouwers", "B.V.", 2016)
            .at("Stammerdijk 15", "1112 AA", "Diemen", None)
            .contact("desjouwers", "020-6953001")
            .about(
                "Verhuisbedrijf voor kantoren, scholen en bewoners die een steuntje in de rug nodig hebben. \
                 Onze verhuizers zijn mensen die dakloos zijn geweest of lang zonder werk zaten.",
            )
            .sectors(&["logistics_mail"])
            .employs(&["homeless_or_addiction", "long_term_unemployed"])
            .market(90)
            .pso("basistrede", date(2027, 10, 31))
            .cso("applied")
            .offers([
                service("98392000", "Kantoorverhuizingen")
                    .about("Inpakken, verhuizen en opnieuw inrichten van kantoren en scholen.")
                    .area(radius(60))
                    .price("op aanvraag")
                    .lead("binnen 3 weken"),
                service("60100000", "Transport met chauffeur")
                    .about("Bestelbus of verhuiswagen met chauffeur en sjouwers.")
                    .area(radius(60))
                    .price("vanaf € 85 per uur"),
                service("63121100", "Tijdelijke opslag")
                    .about("Opslag van inventaris tijdens verbouwingen, in afgesloten units.")
                    .price("vanaf € 55 per maand"),
                service("90511000", "Afvoer van grofvuil")
                    .about("Afvoeren van meubels en grofvuil na een verhuizing.")
                    .area(places(&["Diemen", "Amsterdam", "Amstelveen"]))
                    .price("vanaf € 95 per rit"),
            ]),
    ]
}

fn it() -> Vec<DemoWise> {
    vec![
        wise("51846230", "TestLab Spectrum", "B.V.", 2011)
            .at("Van Woustraat 186", "1073 LW", "Amsterdam", Some("Zuid"))
            .contact("testlabspectrum", "020-7854123")
            .about(
                "IT-bedrijf waar testers en data-analisten met autisme software testen voor overheid en \
                 bedrijfsleven. Onze werkplekken zijn prikkelarm en iedere tester heeft een vaste jobcoach.",
            )
            .sectors(&["it_services"])
            .employs(&["other", "mental_health"])
            .market(97)
            .pso("trede_3", date(2027, 9, 30))
            .cso("registered")
            .sena()
            .cert("ISO 9001", Some(date(2027, 2, 28)))
            .cert("ISO 27001", Some(date(2026, 12, 31)))
            .offers([
                service("72254000", "Functioneel testen van software")
                    .about("Handmatig testen van webapplicaties en apps, met testscripts of verkennend.")
                    .area(national())
                    .price("vanaf € 62 per uur")
                    .lead("binnen 2 weken"),
                service("72254100", "Regressietesten")
                    .about("Periodieke regressietesten bij elke nieuwe release.")
                    .area(national())
                    .price("op aanvraag"),
                service("72820000", "Toegankelijkheidsonderzoek (WCAG)")
                    .about("Audit van websites en apps op de WCAG-richtlijnen, met rapport en verbeteradvies.")
                    .area(national())
                    .price("vanaf € 1.950 per audit")
                    .lead("binnen 3 weken"),
                service("72212984", "Testautomatisering")
                    .about("Opzetten en onderhouden van geautomatiseerde tests in uw ontwikkelstraat.")
                    .area(national())
                    .price("vanaf € 75 per uur"),
                service("72312000", "Data-invoer en datakwaliteit")
                    .about("Controleren, opschonen en invoeren van gegevens in uw systemen.")
                    .area(national())
                    .price("vanaf € 39 per uur"),
                service("72800000", "Acceptatietesten met gebruikers")
                    .about("Voorbereiden en begeleiden van acceptatietesten met eindgebruikers.")
                    .area(places(REGION))
                    .price("op aanvraag"),
                service("72316000", "Data-analyse")
                    .about("Analyse van datasets en opzetten van dashboards.")
                    .area(national())
                    .price("vanaf € 68 per uur")
                    .inactive(),
                service("80533100", "Opleiding tot softwaretester")
                    .about("Opleiding van drie maanden voor werkzoekenden met autisme, in opdracht van gemeenten.")
                    .price("op aanvraag"),
            ]),
        wise("66094518", "Datastraat", "B.V.", 2018)
            .at("Papaverweg 36", "1032 KE", "Amsterdam", Some("Noord"))
            .contact("datastraat", "020-7403358")
            .about(
                "Digitaliseringsbedrijf dat archieven scant, indexeert en ontsluit. Medewerkers met een \
                 lichamelijke beperking of psychische kwetsbaarheid werken deels vanuit huis.",
            )
            .sectors(&["it_services", "printing_office"])
            .employs(&["physical_disability", "mental_health"])
            .market(84)
            .pso("trede_1", date(2027, 5, 31))
            .cso("registered")
            .cert("ISO 27001", Some(date(2027, 6, 30)))
            .offers([
                service("79999100", "Archief scannen")
                    .about("Scannen van papieren archieven, bouwtekeningen en personeelsdossiers, inclusief ophalen.")
                    .area(national())
                    .price("vanaf € 0,09 per pagina")
                    .lead("binnen 4 weken"),
                service("72312000", "Indexeren en data-invoer")
                    .about("Metadata toevoegen aan gescande documenten en die invoeren in uw systeem.")
                    .area(national())
                    .price("vanaf € 36 per uur"),
                service("72310000", "Gegevensverwerking")
                    .about("Verwerken van formulieren en enquêtes tot bruikbare datasets.")
                    .area(national())
                    .price("op aanvraag"),
                service("79995100", "Archiefbeheer")
                    .about("Ordenen, opschonen en vernietigen van archieven volgens de bewaartermijnen.")
                    .area(places(REGION))
                    .price("op aanvraag"),
            ]),
        wise("88510472", "Digitaal Vangnet", "Coöperatie U.A.", 2021)
            .at("Amsterdamstraat 35", "2032 PK", "Haarlem", None)
            .contact("digitaalvangnet", "023-7517730")
            .about(
                "IT-ondersteuning voor kleine organisaties, scholen en buurthuizen. Onze \
                 helpdeskmedewerkers zijn vijftigplussers en mensen met een lichamelijke beperking die hun \
                 IT-kennis weer inzetten.",
            )
            .sectors(&["it_services"])
            .employs(&["older_jobseekers", "physical_disability"])
            .market(78)
            .cso("applied")
            .offers([
                service("72253000", "Helpdesk voor kleine organisaties")
                    .about("Telefonische ondersteuning en hulp op afstand voor uw medewerkers, op werkdagen.")
                    .area(national())
                    .price("vanaf € 15 per werkplek per maand")
                    .lead("start binnen 1 week"),
                service("72611000", "IT-ondersteuning op locatie")
                    .about("Installatie en beheer van laptops, printers en het netwerk.")
                    .area(places(&["Haarlem", "Heemstede", "Zandvoort", "Haarlemmermeer"]))
                    .price("vanaf € 55 per uur"),
                service("80533000", "Digitale vaardigheden voor medewerkers")
                    .about("Cursussen voor medewerkers die moeite hebben met computers en apps.")
                    .price("€ 450 per groep"),
                service("72413000", "Websites voor verenigingen")
                    .about("Eenvoudige websites voor sportclubs en buurtverenigingen.")
                    .area(national())
                    .price("vanaf € 750")
                    .inactive(),
            ]),
        wise("92740186", "CodeWerkplaats Nieuw-West", "Stichting", 2019)
            .at("Tussen Meer 12", "1069 BV", "Amsterdam", Some("Nieuw-West"))
            .contact("codewerkplaats", "020-3317824")
            .about(
                "Softwarebureau en opleiding voor programmeurs met een vluchtelingenachtergrond. Na een \
                 traject van negen maanden werken de ontwikkelaars mee aan echte klantprojecten.",
            )
            .sectors(&["it_services"])
            .employs(&["refugee_background", "youth_without_qualification"])
            .market(67)
            .pso("aspirant", date(2027, 1, 31))
            .sena()
            .offers([
                service("72413000", "Websites bouwen")
                    .about("Toegankelijke websites voor maatschappelijke organisaties, in WordPress of Drupal.")
                    .area(national())
                    .price("vanaf € 3.500 per website")
                    .lead("binnen 8 weken"),
                service("72212000", "Maatwerk webapplicaties")
                    .about("Ontwikkeling van kleine webapplicaties en koppelingen tussen systemen.")
                    .area(national())
                    .price("vanaf € 70 per uur"),
                service("72267000", "Onderhoud van websites")
                    .about("Updates, beveiliging en kleine aanpassingen van bestaande websites.")
                    .area(national())
                    .price("vanaf € 95 per maand"),
            ]),
    ]
}

fn printing() -> Vec<DemoWise> {
    vec![
        wise("33025961", "Drukkerij De Letterbak", "B.V.", 1987)
            .at("Bos en Lommerweg 200", "1055 DV", "Amsterdam", Some("West"))
            .contact("letterbak", "020-6823340")
            .about(
                "Drukkerij en grafisch ontwerpbureau in Bos en Lommer. Mensen met een verstandelijke \
                 beperking of psychische kwetsbaarheid werken aan de persen, in de afwerking en achter het \
                 scherm.",
            )
            .sectors(&["printing_office"])
            .employs(&["intellectual_disability", "mental_health", "physical_disability"])
            .market(89)
            .pso("trede_2", date(2027, 11, 30))
            .sena()
            .cert("FSC-certificaat", Some(date(2027, 8, 31)))
            .offers([
                service("79810000", "Drukwerk")
                    .about("Offset- en digitaal drukwerk, van visitekaartjes tot jaarverslagen.")
                    .area(national())
                    .price("op aanvraag")
                    .lead("binnen 5 werkdagen"),
                service("79811000", "Digitaal drukwerk in kleine oplagen")
                    .about("Flyers, posters en brochures in oplagen vanaf 10 stuks.")
                    .area(national())
                    .price("vanaf € 0,15 per stuk")
                    .lead("binnen 2 werkdagen"),
                service("79822500", "Grafisch ontwerp")
                    .about("Ontwerp van huisstijlen, folders en jaarverslagen.")
                    .area(national())
                    .price("vanaf € 65 per uur"),
                service("79971000", "Inbinden en afwerken")
                    .about("Snijden, vouwen, nieten, lijmbinden en ringbanden.")
                    .price("op aanvraag"),
                good("30199730", "Visitekaartjes")
                    .about("Visitekaartjes op gerecycled karton.")
                    .area(national())
                    .price("vanaf € 39 per 250 stuks")
                    .lead("binnen 3 werkdagen"),
                good("22458000", "Drukwerk op maat")
                    .about("Formulieren, blocnotes en mappen in uw huisstijl.")
                    .area(national())
                    .price("op aanvraag"),
                good("30199710", "Bedrukte enveloppen")
                    .about("Enveloppen met logo en afzender, met of zonder venster.")
                    .area(national())
                    .price("vanaf € 95 per 1.000 stuks"),
                service("79823000", "Drukken en verzenden")
                    .about("Drukken, adresseren en verzenden van nieuwsbrieven en uitnodigingen.")
                    .area(national())
                    .price("op aanvraag"),
                good("22462000", "Promotiemateriaal")
                    .about("Banners, roll-ups en stickers voor evenementen.")
                    .area(national())
                    .price("vanaf € 75 per roll-up")
                    .lead("binnen 1 week"),
            ]),
        wise("63382017", "Printwerk Purmerend", "B.V.", 2012)
            .at("Kerkstraat 18", "1441 BS", "Purmerend", None)
            .contact("printwerk", "0299-425566")
            .about(
                "Print- en mailhuis voor gemeenten en verenigingen in Waterland. Jongeren zonder \
                 startkwalificatie en mensen met een licht verstandelijke beperking leren hier het vak van \
                 operator.",
            )
            .sectors(&["printing_office"])
            .employs(&["youth_without_qualification", "intellectual_disability"])
            .market(75)
            .pso("trede_1", date(2028, 1, 31))
            .offers([
                service("79800000", "Print- en kopieerwerk")
                    .about("Printen en kopiëren in zwart-wit en kleur, ook op groot formaat.")
                    .area(places(&["Purmerend", "Edam-Volendam", "Waterland", "Zaanstad"]))
                    .price("vanaf € 0,05 per pagina")
                    .lead("binnen 2 werkdagen"),
                service("79571000", "Mailings en verzending")
                    .about("Verzorgen van mailings voor verenigingen, van adressenbestand tot brievenbus.")
                    .area(national())
                    .price("op aanvraag"),
                service("79824000", "Wijkkranten drukken en verspreiden")
                    .about("Drukken en huis aan huis verspreiden van wijkkranten en verenigingsbladen.")
                    .price("op aanvraag"),
                good("30199792", "Kalenders")
                    .about("Bureau- en wandkalenders met uw eigen foto's.")
                    .area(national())
                    .price("vanaf € 6,50 per stuk")
                    .lead("bestellen voor 1 november"),
            ]),
        wise("49617325", "Kantoorservice De Brug", "Stichting", 2015)
            .at("Bijlmerdreef 1289", "1103 TV", "Amsterdam", Some("Zuidoost"))
            .contact("kantoorservicedebrug", "020-6973114")
            .about(
                "Administratief dienstencentrum dat documenten verwerkt voor gemeenten en zorgorganisaties. \
                 Nieuwkomers en langdurig werkzoekenden doen hier werkervaring op in een kantooromgeving.",
            )
            .sectors(&["printing_office", "it_services"])
            .employs(&["refugee_background", "long_term_unemployed", "older_jobseekers"])
            .market(71)
            .pso("basistrede", date(2025, 12, 31))
            .cso("registered")
            .offers([
                service("79500000", "Administratieve ondersteuning")
                    .about("Tijdelijke ondersteuning bij invoerwerk, archiveren en postverwerking.")
                    .area(places(REGION))
                    .price("vanaf € 34 per uur")
                    .lead("start binnen 2 weken"),
                service("79520000", "Reproductie en kopieerwerk")
                    .about("Kopiëren, printen en bundelen van documenten voor vergaderingen.")
                    .price("op aanvraag"),
                service("79999100", "Documenten scannen")
                    .about("Scannen en digitaal aanleveren van dossiers.")
                    .area(places(REGION))
                    .price("vanaf € 0,10 per pagina"),
                service("79999200", "Facturen verwerken")
                    .about("Inboeken en controleren van inkomende facturen.")
                    .area(national())
                    .price("op aanvraag"),
            ]),
    ]
}

fn food() -> Vec<DemoWise> {
    vec![
        wise("78265104", "Bakkerij Brood & Kansen", "B.V.", 2016)
            .at("Javastraat 76", "1094 HK", "Amsterdam", Some("Oost"))
            .contact("broodenkansen", "020-7892240")
            .about(
                "Ambachtelijke bakkerij in de Indische Buurt met een leerwerkplaats voor bakkers. Mensen die \
                 lang werkloos waren of uit de GGZ komen, leren hier bakken volgens traditionele recepten.",
            )
            .sectors(&["food_production", "catering"])
            .employs(&["long_term_unemployed", "mental_health", "refugee_background"])
            .market(86)
            .pso("trede_2", date(2027, 2, 28))
            .cso("registered")
            .sena()
            .cert("Biologisch (SKAL)", Some(date(2026, 12, 31)))
            .offers([
                good("15811100", "Dagvers brood voor horeca en kantines")
                    .about("Zuurdesembrood, volkorenbrood en broodjes, elke ochtend voor 8 uur bezorgd.")
                    .area(places(&["Amsterdam", "Diemen"]))
                    .price("op aanvraag")
                    .lead("elke werkdag"),
                good("15812200", "Taarten en gebak")
                    .about("Taarten en gebak voor vergaderingen en jubilea.")
                    .price("vanaf € 3,25 per stuk")
                    .lead("2 werkdagen vooraf bestellen"),
                good("15821200", "Koekjes als relatiegeschenk")
                    .about("Koekjes in een blik met uw logo.")
                    .area(national())
                    .price("vanaf € 6 per blik")
                    .lead("binnen 3 weken"),
                service("55520000", "Ontbijtcatering")
                    .about("Ontbijt met vers brood en beleg voor vergaderingen en evenementen.")
                    .price("vanaf € 9,50 per persoon"),
                service("80530000", "Bakworkshop voor teams")
                    .about("Een middag samen bakken met onze bakkers.")
                    .price("€ 55 per persoon")
                    .inactive(),
            ]),
        wise("84421659", "Soepfabriek Nieuw-West", "B.V.", 2020)
            .at("Burgemeester de Vlugtlaan 125", "1063 BJ", "Amsterdam", Some("Nieuw-West"))
            .contact("soepfabriek", "020-2103348")
            .about(
                "Soepfabriek die van overtollige groente van groothandels verse soep maakt. Mensen met een \
                 verslavings- of detentieverleden werken in de keuken en de bezorging.",
            )
            .sectors(&["food_production"])
            .employs(&["homeless_or_addiction", "ex_offender"])
            .market(90)
            .pso("basistrede", date(2027, 6, 30))
            .cert("HACCP", None)
            .offers([
                good("15891900", "Verse groentesoep")
                    .about("Soep van geredde groente in emmers van 5 liter, voor kantines en opvanglocaties.")
                    .area(places(REGION))
                    .price("vanaf € 3,20 per liter")
                    .lead("binnen 2 werkdagen"),
                good("15894300", "Stoofpotten voor grote groepen")
                    .about("Gekoelde stoofpotten en maaltijdsoepen voor evenementen en opvanglocaties.")
                    .area(places(REGION))
                    .price("op aanvraag"),
                good("15891000", "Soep in glazen potten")
                    .about("Houdbare soep in glas, als relatiegeschenk of voor de winkel.")
                    .area(national())
                    .price("€ 5,95 per pot"),
                service("55521200", "Soepbezorging op kantoor")
                    .about("Warme soep bij de lunch, op vaste dagen op kantoor bezorgd.")
                    .price("vanaf € 3,50 per portie"),
            ]),
        wise("36950287", "Jammakerij Zaans Goed", "Stichting", 2013)
            .at("Westzijde 152", "1506 EK", "Zaanstad", Some("Zaandam"))
            .contact("zaansgoed", "075-6355179")
            .about(
                "Kleine productiekeuken die jam, chutney en appelstroop maakt van fruit uit Zaanse \
                 boomgaarden. Mensen met een verstandelijke beperking werken in de keuken, bij het \
                 etiketteren en in de winkel.",
            )
            .sectors(&["food_production"])
            .employs(&["intellectual_disability"])
            .market(64)
            .pso("trede_1", date(2027, 11, 30))
            .offers([
                good("15332290", "Jam van Zaans fruit")
                    .about("Jam in potjes van 250 gram, desgewenst met uw eigen etiket.")
                    .area(national())
                    .price("vanaf € 3,75 per pot")
                    .lead("binnen 2 weken"),
                good("15332200", "Appelstroop en chutney")
                    .about("Appelstroop, chutney en fruitspreads voor horeca en winkels.")
                    .area(national())
                    .price("op aanvraag"),
                good("18530000", "Kerstpakketten met streekproducten")
                    .about("Pakketten met onze jam, koekjes en producten van andere sociale ondernemers.")
                    .area(national())
                    .price("vanaf € 22,50 per pakket")
                    .lead("bestellen voor 15 november"),
                good("15321600", "Appelsap")
                    .about("Sap van appels uit Zaanse boomgaarden, in flessen van 1 liter.")
                    .price("€ 3,10 per fles")
                    .inactive(),
            ]),
        wise("79183640", "Brouwerij Het Tweede Glas", "B.V.", 2019)
            .at("Badhoevelaan 80", "1171 DK", "Haarlemmermeer", Some("Badhoevedorp"))
            .contact("tweedeglas", "020-6593172")
            .about(
                "Brouwerij met proeflokaal waar langdurig werkzoekenden en oudere werkzoekenden het \
                 brouwersvak leren. Alcoholvrije bieren en frisdranken zijn een belangrijk deel van ons \
                 assortiment.",
            )
            .sectors(&["food_production", "catering"])
            .employs(&["long_term_unemployed", "older_jobseekers", "other"])
            .market(93)
            .pso("aspirant", date(2026, 9, 30))
            .offers([
                good("15961000", "Speciaalbier")
                    .about("Blond, tripel en seizoensbieren in flessen en fusten.")
                    .area(places(&["Haarlemmermeer", "Amsterdam", "Haarlem", "Amstelveen"]))
                    .price("vanaf € 2,10 per fles")
                    .lead("binnen 1 week"),
                good("15982000", "Alcoholvrije dranken")
                    .about("Alcoholvrij bier, limonade en kombucha voor horeca en kantines.")
                    .area(places(&["Haarlemmermeer", "Amsterdam", "Haarlem", "Amstelveen"]))
                    .price("vanaf € 1,60 per fles"),
                service("55400000", "Tapwagen voor evenementen")
                    .about("Mobiele tap met bediening voor personeelsfeesten en evenementen.")
                    .area(radius(35))
                    .price("vanaf € 550 per dag"),
                good("18530000", "Bierpakketten als relatiegeschenk")
                    .about("Geschenkdozen met vier bieren en glazen, ook met uw eigen etiket.")
                    .area(national())
                    .price("vanaf € 19,50"),
            ]),
    ]
}

fn crafts() -> Vec<DemoWise> {
    vec![
        wise("52178394", "Keramiekatelier De Draaischijf", "Stichting", 2010)
            .at("Lindengracht 190", "1015 KK", "Amsterdam", Some("Centrum"))
            .contact("dedraaischijf", "020-6264173")
            .about(
                "Keramiekatelier in de Jordaan waar mensen met een psychische kwetsbaarheid servies, vazen \
                 en relatiegeschenken draaien en glazuren. Het werken met klei geeft onze makers structuur \
                 en rust.",
            )
            .sectors(&["creative_crafts"])
            .employs(&["mental_health"])
            .market(42)
            .pso("trede_1", date(2026, 12, 31))
            .offers([
                good("39221110", "Servies voor horeca")
                    .about("Handgedraaide borden, kommen en kopjes in kleine series.")
                    .area(national())
                    .price("vanaf € 14 per bord")
                    .lead("binnen 8 weken"),
                good("18530000", "Relatiegeschenken van keramiek")
                    .about("Mokken, schaaltjes en vazen met uw logo of tekst.")
                    .area(national())
                    .price("vanaf € 18 per stuk")
                    .lead("vanaf 25 stuks, binnen 6 weken"),
                service("80522000", "Keramiekworkshop voor teams")
                    .about("Een middag draaien of boetseren in ons atelier, met koffie en lunch.")
                    .price("€ 75 per persoon")
                    .lead("binnen 4 weken"),
                good("39298300", "Bloempotten en vazen")
                    .about("Bloempotten en vazen voor kantoren en wachtruimtes.")
                    .price("vanaf € 24"),
            ]),
        wise("90836215", "Zeefdrukatelier De Raket", "Coöperatie U.A.", 2017)
            .at("NDSM-plein 28", "1033 WB", "Amsterdam", Some("Noord"))
            .contact("deraket", "020-3378945")
            .about(
                "Zeefdruk- en risografie-atelier op het NDSM-terrein. Kunstenaars werken hier samen met \
                 jongeren zonder diploma en mensen met een verstandelijke beperking aan posters, textieldruk \
                 en kunstedities.",
            )
            .sectors(&["creative_crafts", "printing_office"])
            .employs(&["youth_without_qualification", "intellectual_disability"])
            .market(58)
            .pso("basistrede", date(2027, 9, 30))
            .sena()
            .offers([
                good("22462000", "Zeefdrukposters")
                    .about("Posters in oplagen van 25 tot 500 stuks voor evenementen en campagnes.")
                    .area(national())
                    .price("vanaf € 6 per poster")
                    .lead("binnen 2 weken"),
                good("18331000", "Bedrukte T-shirts")
                    .about("Biologische T-shirts met zeefdruk naar uw ontwerp.")
                    .area(national())
                    .price("vanaf € 14 per stuk")
                    .lead("vanaf 30 stuks, binnen 3 weken"),
                service("92312250", "Kunstopdrachten")
                    .about("Ontwerp en uitvoering van kunstwerken en muurschilderingen voor gebouwen en buitenruimte.")
                    .area(places(REGION))
                    .price("op aanvraag"),
                service("79822500", "Ontwerp voor drukwerk")
                    .about("Grafisch ontwerp en illustratie voor posters en publicaties.")
                    .area(national())
                    .price("vanaf € 60 per uur"),
            ]),
        wise("47302568", "Glasatelier Scherven", "Stichting", 2014)
            .at("Rijksstraatweg 118", "2022 DA", "Haarlem", None)
            .contact("glasatelierscherven", "023-5277810")
            .about(
                "Atelier voor glas-in-lood en glasfusing dat relatiegeschenken maakt en oude ramen \
                 restaureert. Ouderen die lang werkloos waren en mensen met een lichamelijke beperking leren \
                 hier een ambacht.",
            )
            .sectors(&["creative_crafts", "construction_maintenance"])
            .employs(&["older_jobseekers", "physical_disability"])
            .market(70)
            .cso("registered")
            .cert("Erkend Restauratievakman", Some(date(2027, 12, 31)))
            .offers([
                works("45441000", "Restauratie van glas-in-lood")
                    .about("Herstel van glas-in-loodramen in woningen, kerken en monumenten.")
                    .area(radius(50))
                    .price("op aanvraag")
                    .lead("binnen 10 weken"),
                good("18530000", "Glazen relatiegeschenken")
                    .about("Schalen en onderzetters van gerecycled glas.")
                    .area(national())
                    .price("vanaf € 19 per stuk"),
                good("39298700", "Glazen awards")
                    .about("Unieke awards voor prijsuitreikingen, met gravure.")
                    .area(national())
                    .price("vanaf € 45")
                    .lead("binnen 4 weken"),
            ]),
    ]
}

fn care() -> Vec<DemoWise> {
    vec![
        wise("39547120", "Wijkhulp Samen Sterk", "Stichting", 2012)
            .at("Bijlmerplein 400", "1102 DB", "Amsterdam", Some("Zuidoost"))
            .contact("samensterk", "020-6913386")
            .about(
                "Buurtorganisatie die huishoudelijke hulp, boodschappen en klussen aanbiedt aan ouderen en \
                 mensen met een beperking. De hulpen zijn buurtbewoners die via ons weer aan het werk zijn.",
            )
            .sectors(&["care_wellbeing", "cleaning_facility"])
            .employs(&["long_term_unemployed", "refugee_background", "older_jobseekers"])
            .market(55)
            .pso("trede_2", date(2027, 8, 31))
            .cso("registered")
            .sena()
            .offers([
                service("85312400", "Huishoudelijke ondersteuning").about("Huishoudelijke hulp bij ouderen en mensen met een beperking, via de Wmo of op eigen kosten.")
                .area(places(&["Amsterdam", "Diemen"]))
                .price("vanaf € 29 per uur")
                .lead("start binnen 2 weken"),
                service("85312200", "Boodschappendienst").about("Wekelijks boodschappen doen voor ouderen, met tijd voor een kop koffie.")
                .price("vanaf € 12 per keer"),
                service("50700000", "Klussendienst").about("Kleine klussen in huis, zoals lampen ophangen en kranen vervangen.")
                .price("vanaf € 25 per uur"),
                service("85311100", "Ontmoeting voor ouderen").about("Ontmoetingsmiddagen en wandelgroepen voor ouderen in de buurt.")
                .price("op aanvraag"),
            ]),
        wise("31860945", "Dagbesteding De Werkschuur", "Stichting", 2005)
            .at("Weteringweg 8", "1111 AB", "Diemen", None)
            .contact("werkschuur", "020-6604928")
            .about(
                "Dagbesteding en leerwerkplaats voor jongvolwassenen met een verstandelijke beperking. \
                 Vanuit de werkschuur doen deelnemers klussen in het groen, de catering en de \
                 fietsenstalling.",
            )
            .sectors(&["care_wellbeing", "green_maintenance"])
            .employs(&["intellectual_disability", "youth_without_qualification"])
            .market(24)
            .pso("trede_3", date(2028, 6, 30))
            .cso("registered")
            .offers([
                service("85312100", "Arbeidsmatige dagbesteding").about("Dagbesteding voor jongvolwassenen met een verstandelijke beperking, in opdracht van gemeenten.")
                .area(places(&["Diemen", "Amsterdam", "Ouder-Amstel"]))
                .price("op aanvraag")
                .lead("intake binnen 3 weken"),
                service("85312510", "Trajecten naar werk").about("Begeleiding naar betaald werk met een persoonlijke jobcoach.")
                .area(places(&["Diemen", "Amsterdam", "Ouder-Amstel"]))
                .price("op aanvraag"),
                service("77314000", "Terreinonderhoud door deelnemers").about("Onderhoud van binnentuinen en terreinen bij zorglocaties en scholen.")
                .price("vanaf € 28 per uur"),
                service("98351000", "Beheer van fietsenstallingen").about("Toezicht op en beheer van fietsenstallingen bij stations en scholen.")
                .price("op aanvraag"),
            ]),
        wise("80495316", "Ervaringsdeskundigen Collectief Amsterdam", "Coöperatie U.A.", 2018)
            .at("Weesperstraat 63", "1018 VN", "Amsterdam", Some("Centrum"))
            .contact("ervaringscollectief", "020-2402851")
            .about(
                "Coöperatie van ervaringsdeskundigen die zelf dakloos, verslaafd of psychisch ziek zijn \
                 geweest. We geven trainingen, doen cliëntonderzoek en begeleiden mensen in vergelijkbare \
                 situaties.",
            )
            .sectors(&["care_wellbeing", "other"])
            .employs(&["homeless_or_addiction", "mental_health"])
            .market(68)
            .pso("trede_1", date(2027, 4, 30))
            .offers([
                service("85312300", "Begeleiding door ervaringsdeskundigen").about("Ervaringsdeskundigen begeleiden cliënten, naast de reguliere hulpverlening.")
                .area(places(REGION))
                .price("vanaf € 58 per uur"),
                service("80570000", "Training herstelgericht werken").about("Training voor professionals in zorg, welzijn en gemeenten.")
                .area(national())
                .price("€ 1.450 per groepsdag")
                .lead("binnen 6 weken"),
                service("79998000", "Coaching van ervaringsdeskundigen").about("Intervisie en coaching voor ervaringsdeskundigen bij andere organisaties.")
                .area(national())
                .price("op aanvraag"),
                service("79311000", "Cliëntonderzoek").about("Interviews en focusgroepen met cliënten over de kwaliteit van zorg en ondersteuning.")
                .area(national())
                .price("op aanvraag"),
            ]),
    ]
}

fn other() -> Vec<DemoWise> {
    vec![
        wise("65830142", "Tolkencentrum Nieuwe Stemmen", "B.V.", 2016)
            .at("Osdorpplein 612", "1068 EV", "Amsterdam", Some("Nieuw-West"))
            .contact("nieuwestemmen", "020-6147789")
            .about(
                "Tolk- en vertaalbureau van professionals met een vluchtelingenachtergrond, onder meer voor \
                 Arabisch, Tigrinya, Dari en Oekraïens. We werken voor gemeenten, scholen en zorgverleners.",
            )
            .sectors(&["other"])
            .employs(&["refugee_background"])
            .market(95)
            .pso("trede_1", date(2028, 3, 31))
            .sena()
            .offers([
                service("79540000", "Tolken op locatie")
                    .about("Tolken bij gesprekken met gemeenten, scholen en zorgverleners.")
                    .area(radius(40))
                    .price("vanaf € 52 per uur")
                    .lead("binnen 48 uur"),
                service("79540000", "Telefoon- en videotolken")
                    .about("Tolken via telefoon of beeldbellen, ook op korte termijn.")
                    .area(national())
                    .price("vanaf € 1,20 per minuut")
                    .lead("binnen 1 uur"),
                service("79530000", "Vertalingen")
                    .about("Vertaling van brieven, folders en websites, desgewenst in eenvoudige taal.")
                    .area(national())
                    .price("vanaf € 0,12 per woord")
                    .lead("binnen 5 werkdagen"),
                service("80580000", "Taalcoaching op de werkvloer")
                    .about("Lessen Nederlands voor nieuwe medewerkers, afgestemd op hun werk.")
                    .area(places(REGION))
                    .price("op aanvraag"),
            ]),
        wise("42671083", "Stadsgidsen De Andere Kant", "Stichting", 2014)
            .at("Zeedijk 40", "1012 AZ", "Amsterdam", Some("Centrum"))
            .contact("deanderekant", "020-6259032")
            .about(
                "Stadswandelingen door het centrum, gegeven door gidsen die zelf dakloos zijn geweest. De \
                 tours laten een ander Amsterdam zien en leveren de gidsen een inkomen en een nieuw netwerk \
                 op.",
            )
            .sectors(&["other"])
            .employs(&["homeless_or_addiction"])
            .market(92)
            .pso("aspirant", date(2025, 5, 31))
            .offers([
                service("63514000", "Stadswandeling voor groepen")
                    .about("Rondleiding van 90 minuten langs plekken die een rol speelden in het leven van de gids.")
                    .price("€ 22,50 per persoon")
                    .lead("binnen 1 week"),
                service("79952000", "Programma voor teamdagen")
                    .about("Wandeling met aansluitend gesprek en lunch bij een sociale onderneming.")
                    .price("vanaf € 45 per persoon")
                    .lead("binnen 3 weken"),
                service("80522000", "Gastles over dakloosheid")
                    .about("Gastles op scholen en bij bedrijven door een gids met ervaring.")
                    .area(places(REGION))
                    .price("€ 250 per les"),
            ]),
        wise("74519836", "Autowasserij Spetters", "B.V.", 2011)
            .at("Kruisweg 1040", "2131 MT", "Haarlemmermeer", Some("Hoofddorp"))
            .contact("spetters", "023-5629904")
            .about(
                "Handcarwash en poetsdienst voor wagenparken. Mensen met autisme of een verstandelijke \
                 beperking wassen auto's, bussen en bedrijfswagens met oog voor detail.",
            )
            .sectors(&["other", "cleaning_facility"])
            .employs(&["intellectual_disability", "other"])
            .market(97)
            .pso("trede_2", date(2027, 6, 30))
            .sena()
            .offers([
                service("50112300", "Handwas van personenauto's")
                    .about("Handwas binnen en buiten, terwijl u wacht of werkt.")
                    .price("vanaf € 25")
                    .lead("dezelfde dag"),
                service("90917000", "Wagenparkreiniging op locatie")
                    .about("Reinigen van bedrijfswagens, bussen en deelauto's op uw eigen terrein.")
                    .area(radius(30))
                    .price("op aanvraag"),
                service("50112200", "Kleine onderhoudsbeurt")
                    .about("Bandenspanning, vloeistoffen en ruitenwissers controleren bij elke wasbeurt.")
                    .price("vanaf € 35")
                    .inactive(),
            ]),
        wise("87104523", "Evenementenploeg Op Post", "B.V.", 2018)
            .at("Scheldestraat 99", "1078 GL", "Amsterdam", Some("Zuid"))
            .contact("oppost", "020-7171652")
            .about(
                "Evenementenbureau voor gastvrouwen, stewards en op- en afbouwploegen. Onze mensen komen uit \
                 langdurige werkloosheid of detentie en worden begeleid door een vaste ploegleider.",
            )
            .sectors(&["other", "logistics_mail"])
            .employs(&["ex_offender", "long_term_unemployed", "youth_without_qualification"])
            .market(99)
            .pso("basistrede", date(2027, 5, 31))
            .cso("applied")
            .offers([
                service("79952000", "Op- en afbouw van evenementen")
                    .about("Ploegen voor de op- en afbouw van podia, tenten en beursstands.")
                    .area(radius(60))
                    .price("vanaf € 36 per uur")
                    .lead("binnen 1 week"),
                service("79992000", "Gastvrouwen en gastheren")
                    .about("Ontvangst, garderobe en registratie bij congressen en evenementen.")
                    .area(radius(60))
                    .price("vanaf € 33 per uur"),
                service("79713000", "Stewards en verkeersregelaars")
                    .about("Gecertificeerde stewards en verkeersregelaars voor evenementen.")
                    .area(radius(60))
                    .price("vanaf € 38 per uur"),
                service("79620000", "Tijdelijke krachten")
                    .about("Tijdelijke medewerkers voor logistiek, horeca en facilitaire diensten.")
                    .price("op aanvraag"),
            ]),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::catalogue::store;
    use crate::vocab;
    use crate::vocab::cpv;

    #[test]
    fn statuses_are_60_approved_2_pending_1_suspended() {
        let wises = sample();
        let count = |status: &str| wises.iter().filter(|w| w.status == status).count();
        assert_eq!(wises.len(), 63);
        assert_eq!(count("approved"), 60);
        assert_eq!(count("pending"), 2);
        assert_eq!(count("suspended"), 1);
    }

    #[test]
    fn sample_is_deterministic() {
        let (a, b) = (sample(), sample());
        assert_eq!(a.len(), b.len());
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| x.status == y.status && x.organisation == y.organisation && x.offerings == y.offerings));
    }

    #[test]
    fn kvk_numbers_have_8_digits_and_are_unique() {
        let wises = sample();
        let mut seen = HashSet::new();
        for w in &wises {
            let kvk = &w.organisation.kvk_number;
            assert!(kvk.len() == 8 && kvk.bytes().all(|b| b.is_ascii_digit()), "{kvk}");
            assert!(seen.insert(kvk.clone()), "duplicate KvK number {kvk}");
        }
    }

    #[test]
    fn names_are_unique() {
        let wises = sample();
        let mut seen = HashSet::new();
        for w in &wises {
            assert!(seen.insert(w.organisation.name.to_lowercase()), "duplicate name {}", w.organisation.name);
        }
    }

    #[test]
    fn every_sector_is_primary_for_two_approved_wises() {
        let wises = sample();
        for sector in vocab::SECTORS {
            let n = wises
                .iter()
                .filter(|w| {
                    w.status == "approved" && w.organisation.sectors.first().map(String::as_str) == Some(sector)
                })
                .count();
            assert!(n >= 2, "{sector} is primary for only {n} approved WISEs");
        }
        assert!(wises.iter().all(|w| (1..=3).contains(&w.organisation.sectors.len())));
    }

    #[test]
    fn every_target_group_is_employed_at_several_wises() {
        let wises = sample();
        for group in vocab::TARGET_GROUPS {
            let n = wises.iter().filter(|w| w.organisation.target_groups.iter().any(|g| g == group)).count();
            assert!(n >= 3, "{group} appears at only {n} WISEs");
        }
        assert!(wises.iter().all(|w| w.organisation.target_groups.len() <= 4));
    }

    #[test]
    fn organisations_are_valid() {
        for w in sample() {
            let org = &w.organisation;
            assert_eq!(store::validate_organisation(org), Ok(()), "{}", org.name);
            assert_eq!(org.pso_level.is_some(), org.pso_valid_until.is_some(), "{}", org.name);
            assert!(org.founded_year.is_some_and(|y| (1950..=2026).contains(&y)), "{}", org.name);
            assert!(!org.description.is_empty() && !org.description.contains('<'), "{}", org.name);
        }
    }

    #[test]
    fn each_wise_has_3_to_10_valid_offerings() {
        for w in sample() {
            let name = &w.organisation.name;
            assert!((3..=10).contains(&w.offerings.len()), "{name} has {} offerings", w.offerings.len());
            for o in &w.offerings {
                assert!(!o.title.is_empty() && o.title.chars().count() <= store::MAX_NAME, "{}", o.title);
                assert!(!o.description.is_empty() && o.description.chars().count() <= store::MAX_DESCRIPTION);
                assert!(vocab::OFFERING_KINDS.contains(&o.kind.as_str()), "{}", o.title);
                for text in [&o.price_indication, &o.lead_time].into_iter().flatten() {
                    assert!(text.chars().count() <= store::MAX_TEXT, "{}", o.title);
                }
                match &o.service_area {
                    ServiceArea::National => {}
                    ServiceArea::Municipalities(list) => assert!(!list.is_empty(), "{}", o.title),
                    ServiceArea::RadiusKm(km) => assert!((1..=1000).contains(km), "{}", o.title),
                }
            }
        }
    }

    #[test]
    fn cpv_codes_exist_in_the_vocabulary() {
        let codes: HashSet<String> = cpv::vocabulary().into_iter().map(|c| c.code).collect();
        for w in sample() {
            for o in &w.offerings {
                assert_eq!(cpv::normalise(&o.cpv_code).as_deref(), Some(o.cpv_code.as_str()));
                assert!(codes.contains(&o.cpv_code), "unknown CPV code {} ({})", o.cpv_code, o.title);
            }
        }
    }
}
