# Labels of the fixed vocabularies, month names, validation errors and error pages (Dutch).
# Keep the keys in the same order as templates/locales/en/vocab.ftl.

## Sectoren

sector-catering = Horeca en catering
sector-cleaning-facility = Schoonmaak en facilitair
sector-construction-maintenance = Bouw en onderhoud
sector-green-maintenance = Groenonderhoud
sector-recycling-repair = Recycling en reparatie
sector-retail-second-hand = Winkel en tweedehands
sector-textiles = Textiel
sector-production-assembly = Productie en assemblage
sector-logistics-mail = Logistiek en post
sector-it-services = ICT-dienstverlening
sector-printing-office = Drukwerk en kantoordiensten
sector-food-production = Voedselproductie
sector-creative-crafts = Creatief en ambachtelijk
sector-care-wellbeing = Zorg en welzijn
sector-other = Overig

## Doelgroepen

target-group-physical-disability = Mensen met een lichamelijke beperking
target-group-mental-health = Mensen met psychische kwetsbaarheid
target-group-intellectual-disability = Mensen met een verstandelijke beperking
target-group-refugee-background = Mensen met een vluchtelingenachtergrond
target-group-ex-offender = (Ex-)gedetineerden
target-group-youth-without-qualification = Jongeren zonder startkwalificatie
target-group-long-term-unemployed = Langdurig werklozen
target-group-older-jobseekers = Oudere werkzoekenden
target-group-homeless-or-addiction = Dak- en thuislozen of mensen met een verslaving
target-group-other = Overige doelgroep

## Status van een organisatie

status-pending = In behandeling
status-approved = Goedgekeurd
status-suspended = Geschorst
status-archived = Gearchiveerd

## PSO-prestatieladder socialer ondernemen

pso-aspirant = PSO Aspirant
pso-basistrede = PSO Basistrede
pso-trede-1 = PSO Trede 1
pso-trede-2 = PSO Trede 2
pso-trede-3 = PSO Trede 3
pso-pso-30plus = PSO 30+

## Code Sociale Ondernemingen

cso-registered = Ingeschreven in het Register Sociale Ondernemingen
cso-applied = Aangemeld

## Soort aanbod

kind-good = Product
kind-service = Dienst
kind-works = Werk (bouw)

## Werkgebied

area-national = Landelijk
area-municipalities = Bepaalde gemeenten
area-radius = Straal rond het adres
area-radius-km = { $km } km rond het adres
area-municipalities-list = Gemeenten: { $list }

## Maanden

month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Foutmeldingen bij invoer

error-required = Dit veld is verplicht.
error-too-long = Deze invoer is te lang.
error-kvk-format = Het KvK-nummer moet uit precies 8 cijfers bestaan.
error-email = Dit is geen geldig e-mailadres.
error-url = Het webadres moet beginnen met http:// of https://.
error-year = Het oprichtingsjaar moet een jaartal tussen 1800 en 2100 zijn.
error-percentage = Vul een percentage tussen 0 en 100 in.
error-sector-required = Kies ten minste één sector.
error-unknown-sector = Deze sector bestaat niet; kies een sector uit de lijst.
error-unknown-target-group = Deze doelgroep bestaat niet; kies een doelgroep uit de lijst.
error-duplicate = Deze waarde staat er twee keer in.
error-unknown-code = Dit is geen bekende waarde voor dit veld.
error-certification = Een certificering heeft een naam nodig van maximaal 200 tekens.
error-radius = De straal moet tussen 1 en 1000 km liggen.
error-cpv-unknown = Deze CPV-code komt niet voor in de CPV-woordenlijst 2008.
error-cpv-format = Een CPV-code bestaat uit 8 cijfers, eventueel gevolgd door een streepje en een controlecijfer, bijvoorbeeld 45000000-7.
error-pso-date = Vul bij een PSO-niveau ook een geldig-tot-datum in, en bij een geldig-tot-datum ook een PSO-niveau.
error-search-too-long = De zoektekst is te lang: gebruik hoogstens 200 tekens.
error-cpv-prefix = Een CPV-filter bestaat uit 2 tot 8 cijfers, bijvoorbeeld 45 of 4521.
error-page = Een paginanummer is een heel getal vanaf 1.
error-page-range = Deze pagina bestaat niet voor deze zoekopdracht.
error-per-page = Het aantal per pagina ligt tussen 1 en 100.
error-password-short = Kies een wachtwoord van minstens 12 tekens.
error-password-long = Een wachtwoord mag hoogstens 1024 tekens lang zijn.
error-password-weak = Dit wachtwoord is te makkelijk te raden. Kies een langer of minder voorspelbaar wachtwoord, bijvoorbeeld een zin van vier losse woorden.
error-password-mismatch = De twee wachtwoorden zijn niet gelijk.
error-password-wrong = Het huidige wachtwoord klopt niet.
error-unknown-role = Kies een van de rollen: beheerder, gemeente, inkoper of sociale onderneming.
error-unknown-language = Kies Nederlands of Engels.
error-organisation-required = Een gebruiker met de rol sociale onderneming hoort bij een onderneming; vul het KvK-nummer in.
error-unknown-organisation = Er is geen onderneming met dit KvK-nummer.
error-email-taken = Er bestaat al een gebruiker met dit e-mailadres.

## Foutpagina's

error-page-title = Er ging iets mis
error-400-title = Ongeldig verzoek
error-400-text = Het verzoek kon niet worden verwerkt. Controleer uw invoer en probeer het opnieuw.
error-401-title = Niet ingelogd
error-401-text = Log in om deze pagina te bekijken.
error-403-title = Geen toegang
error-403-text = U heeft geen toegang tot deze pagina. Neem contact op met de beheerder als u denkt dat dit niet klopt.
error-404-title = Pagina niet gevonden
error-404-text = De pagina bestaat niet (meer). Controleer het adres of ga terug naar de startpagina.
error-405-title = Actie niet toegestaan
error-405-text = Deze actie is op deze pagina niet mogelijk. Ga terug en probeer het via het menu.
error-409-title = Conflict
error-409-text = De gegevens zijn intussen gewijzigd of bestaan al. Laad de pagina opnieuw en probeer het nog eens.
error-413-title = Te groot
error-413-text = Het bestand of formulier dat u verstuurde is te groot. Maak het kleiner en probeer het opnieuw.
error-422-title = Gegevens niet verwerkt
error-422-text = Niet alle gegevens zijn juist ingevuld. Controleer uw invoer en probeer het opnieuw.
error-429-title = Te veel verzoeken
error-429-text = U heeft in korte tijd te veel verzoeken gedaan. Wacht even en probeer het daarna opnieuw.
error-500-title = Interne fout
error-500-text = Er ging aan onze kant iets mis. Probeer het later opnieuw.
error-503-title = Tijdelijk niet beschikbaar
error-503-text = Het platform is tijdelijk niet beschikbaar, bijvoorbeeld door onderhoud. Probeer het over enkele minuten opnieuw.
error-back-home = Naar de startpagina
