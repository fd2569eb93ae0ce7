# Accounts, aanmelden en beheer (Nederlands). Houd de sleutels in dezelfde volgorde als en/accounts.ftl.

## Menu

nav-sign-in = Inloggen
nav-sign-out = Uitloggen
nav-account = Mijn account
nav-admin = Beheer

## Rollen

role-admin = Beheerder
role-city = Gemeente
role-buyer = Inkoper
role-wise = Sociale onderneming

## Velden en knoppen

field-email = E-mailadres
field-password = Wachtwoord
field-new-password = Nieuw wachtwoord
field-password-confirm = Herhaal het nieuwe wachtwoord
field-current-password = Huidig wachtwoord
field-name = Naam
field-language = Taal
field-role = Rol
field-organisation-kvk = KvK-nummer van de organisatie
field-organisation-kvk-hint = Bij de rol sociale onderneming: het KvK-nummer (8 cijfers) van de onderneming waarvoor deze persoon werkt; bij de rol inkoper (optioneel): dat van de inkopende organisatie.
password-hint = Minstens 12 tekens. Een zin van een paar losse woorden is sterk en goed te onthouden.
save = Opslaan
search = Zoeken

## Meldingen

notice-password-set = Uw wachtwoord is ingesteld. U kunt nu inloggen.
notice-signed-out = U bent uitgelogd.
notice-invited = De uitnodiging is verstuurd.
notice-saved = De wijzigingen zijn opgeslagen.
notice-token-revoked = De API-sleutel is ingetrokken.
notice-user-changed = De gebruiker is bijgewerkt.

## Inloggen

sign-in-title = Inloggen
sign-in-submit = Inloggen
sign-in-failed = Het e-mailadres of het wachtwoord klopt niet.
sign-in-forgot = Wachtwoord vergeten?
back-to-sign-in = Terug naar inloggen

## Wachtwoord vergeten en instellen

forgot-title = Wachtwoord vergeten
forgot-intro = Vul uw e-mailadres in. Als er een account bij hoort, sturen we u een link waarmee u een nieuw wachtwoord kiest.
forgot-submit = Stuur de link
forgot-sent = Als dit e-mailadres bij een account hoort, is er nu een e-mail met een link onderweg. De link werkt één keer en is een uur geldig.
reset-title = Nieuw wachtwoord kiezen
invitation-title = Welkom bij wise-monitor
set-password-intro = Kies een wachtwoord voor { $email }.
set-password-submit = Wachtwoord instellen
link-invalid-title = Deze link werkt niet meer
link-invalid-text = De link is al gebruikt, verlopen of onjuist. Vraag een nieuwe link aan.
link-invalid-new = Nieuwe link aanvragen

## Mijn account

account-title = Mijn account
account-profile = Gegevens
account-password = Wachtwoord wijzigen
account-password-submit = Wachtwoord wijzigen
account-tokens = API-sleutels
account-tokens-intro = Met een API-sleutel gebruiken programma's de API van wise-monitor namens u. Behandel een sleutel als een wachtwoord.
account-token-created = Uw nieuwe API-sleutel staat hieronder. Kopieer hem nu: hij wordt maar één keer getoond.
token-name = Naam van de sleutel
token-prefix = Begint met
token-created = Gemaakt
token-last-used = Laatst gebruikt
token-status = Status
token-revoked = Ingetrokken
token-revoke = Intrekken
token-create = Sleutel maken

## Gebruikersbeheer

users-title = Gebruikers
users-search = Zoek op naam of e-mailadres
users-state = Status
users-actions = Acties
users-active = Actief
users-invited = Uitgenodigd
users-disabled = Geblokkeerd
users-enable = Deblokkeren
users-disable = Blokkeren
users-invite = Gebruiker uitnodigen
users-invite-submit = Uitnodiging versturen
audit-title = Auditlog
audit-intro = Alle beveiligingsgebeurtenissen, nieuwste eerst. Tijden zijn in UTC.
audit-at = Tijdstip (UTC)
audit-actor = Wie
audit-ip = IP-adres
audit-action = Gebeurtenis
audit-target = Waarop
audit-detail = Details

## E-mails

mail-reset-subject = Kies een nieuw wachtwoord voor wise-monitor
mail-reset-body = Iemand (hopelijk u) vroeg om een nieuw wachtwoord voor uw account. Met de link hieronder kiest u er een. De link werkt één keer en is { $minutes } minuten geldig.
mail-reset-button = Nieuw wachtwoord kiezen
mail-reset-ignore = Vroeg u hier niet om? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.
mail-invite-subject = U bent uitgenodigd voor wise-monitor
mail-invite-body = { $inviter } heeft een account voor u gemaakt op wise-monitor, het platform van de sociale ondernemingen in de regio.
mail-invite-action = Kies met de link hieronder uw wachtwoord. De link werkt één keer en is { $days } dagen geldig.
mail-invite-button = Account activeren
