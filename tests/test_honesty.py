"""On-theme questions the goals do not answer get an honest reply, never a quote as if it answered them."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Milloin aluevaalien tulos vahvistetaan?", "date"),
        ("När ska kommunerna ha genomfört målen?", "date"),
        ("När antogs målen?", "date"),  # "När" before a verb in the past
        ("När gjorde KANE de här målen?", "date"),
        ("Paljonko rahaa kunnat antavat urheiluseuroille?", "amount"),
        ("Hur mycket pengar får en förening i bidrag?", "amount"),
        ("Kuka on oikeusministeriön nykyinen ministeri?", "person"),
        ("Vem är ordförande för KANE?", "person"),
        ("Vem borde vara ordförande för välfärdsområdets äldreråd?", "person"),
        ("Mitkä henkilöt ovat laatineet tavoitteet?", "person"),
        ("Vad heter de som skrev målen?", "person"),
        ("Ketkä ovat jäseninä KANEssa tällä kaudella?", "person"),
        ("Mihin asukasraatiin ilmoittaudutaan?", "procedure"),
        ("Voiko yhdistys menettää avustuksensa, jos se arvostelee kaupunkia?", "consequence"),
        ("Kan föreningen förlora sitt bidrag om den demonstrerar?", "consequence"),
        ("Finns det en regel om att föreningar ska få förtur i upphandlingen?", "law"),
        ("Onko olemassa sääntöä, että yhdistykset pitää ottaa mukaan hankintoihin?", "law"),
        # what the future brings, an app, a register, how members are chosen
        ("Kommer bidragen att höjas nästa år?", "consequence"),
        ("Nousevatko avustukset vaalien jälkeen?", "consequence"),
        ("Mitä osallistumissovellusta kunnan kannattaa käyttää?", "product"),
        ("Onko olemassa rekisteriä vertaistukiryhmistä?", "document"),
        ("Hur väljs medlemmarna i KANE?", "person"),
        ("Mitä perussuomalaiset ajattelevat järjestöavustuksista?", "party"),
        ("Vad tycker SFP om föreningsbidrag?", "party"),
        ("Vad lovar partierna inför valet?", "party"),
        ("Vad lovar kommunen?", "party"),  # a promise of another actor than the goals
        ("Ketä mun kannattaa äänestää kuntavaaleissa?", "party"),
        ("Vem jag borde rösta på i kommunalvalet?", "party"),  # the subject first, as in a learner's Swedish
        ("Onko kunnan pakko antaa yhdistykselle kokoustila?", "law"),
        ("Behöver vi tillstånd av polisen för en demonstration?", "law"),
        ("Mikä oli äänestysprosentti viime kuntavaaleissa?", "statistics"),
        ("Hur stor andel av kandidaterna hör till minoriteter?", "statistics"),
        ("Mitä tapahtuu, jos kunta ei välitä tavoitteista?", "consequence"),
        ("Vad händer om välfärdsområdet struntar i målen?", "consequence"),
        ("Miten haemme toiminta-avustusta?", "procedure"),
        ("Hur grundar vi en förening?", "procedure"),
        ("Till när kan vår förening söka verksamhetsbidrag?", "date"),
        # Appealing a decision is the law's; founding something "how do I" is a procedure.
        ("Voiko kunnan avustuspäätöksestä valittaa?", "law"),
        ("Kan vi överklaga beslutet om lokalerna?", "law"),
        ("Miten perustamme kyläneuvoston?", "procedure"),
        # Whether anyone can force or punish a municipality is the law's, not the goals'.
        ("Voiko KANE pakottaa kunnan noudattamaan tavoitteita?", "law"),
        ("Kan KANE tvinga kommunen att följa målen?", "law"),
        ("Voiko KANE rangaista kuntaa?", "law"),
        # Money from KANE itself, how things are measured, other countries, templates and links, other
        # organisations' views, taxation: none of it is in the goals.
        ("Rahoittaako KANE yhdistysten hankkeita?", "funding"),
        ("Kan man få understöd från KANE till ett projekt?", "funding"),
        ("Millä mittareilla osallisuutta seurataan?", "measure"),
        ("Hur mäter man öppenhet i förvaltningen?", "measure"),
        ("Miten Norjassa kunnat tukevat järjestöjä?", "comparison"),
        ("Hur gör man i Danmark med föreningsbidrag?", "comparison"),
        ("Onko teillä mallipohjaa avustushakemukseen?", "document"),
        ("Finns det en färdig mall för en ansökan om verksamhetsbidrag?", "document"),
        ("Mitä Kuntaliitto ajattelee järjestöavustuksista?", "party"),
        ("Vad tycker Kommunförbundet om invånarpaneler?", "party"),
        ("Miten pääsee nuorisovaltuustoon?", "procedure"),
        ("Vaikuttaako palvelujen myynti yhdistyksen verotukseen?", "law"),
        ("Påverkar försäljningen av tjänster föreningens beskattning?", "law"),
        # Forms and attachments asked for by name; a sum in euros.
        ("Mitä liitteitä avustushakemukseen tarvitaan?", "procedure"),
        ("Vilken blankett ska vi använda för lokalbidraget?", "procedure"),
        ("Saako kyläyhdistys 2000 euroa toiminta-avustusta?", "amount"),
        ("Nousiko äänestysaktiivisuus aluevaaleissa?", "statistics"),
        ("Hur var valdeltagandet i kommunalvalet 2021?", "statistics"),
        ("Mistä löydän kulttuuriavustuksen hakulomakkeen?", "procedure"),
        ("Var hittar jag ansökningsblanketten för föreningsbidrag?", "procedure"),
        ("Jakaako KANE itse avustuksia yhdistyksille?", "funding"),
        ("Delar KANE själv ut bidrag?", "funding"),
        ("Miten nuorisovaltuustot toimivat Ruotsiin verrattuna?", "comparison"),
        # Which goal matters most, which of two ways works better: the goals rank neither.
        ("Mikä tavoitteista on KANElle tärkein?", "ranking"),
        ("Kumpi on parempi tapa, kuntalaiskysely vai asukasilta?", "ranking"),
        ("Vilket fungerar bättre för att nå unga, ungdomsråd eller enkäter?", "ranking"),
        # The Centre Party by its plain name, a year asked, which digital tool.
        ("Mitä mieltä keskusta on järjestöavustuksista?", "party"),
        ("Före vilket år ska reglerna för föreningsbidrag vara klara?", "date"),
        ("Mikä digitaalinen työkalu sopii asukaskyselyihin?", "product"),
        ("Vilket digitalt verktyg ska vi använda för enkäter?", "product"),
        # Where to read a paper other than the goals: the bot has only the goals' text.
        ("Missä voin lukea sen strategian, jota KANE on toteuttamassa?", "document"),
        ("Var kan man läsa strategin som KANE deltar i?", "document"),
        # the paper pointed at before the verb or asked for online; minutes, annual reports, the curriculum
        ("Mikä se strategia on? Mistä sen voi lukea?", "document"),
        ("Onko koulujen opetussuunnitelma jossain netissä?", "document"),
        ("Finns KANE:s årsberättelse på nätet?", "document"),
        ("Missä voin lukea KANEn kokousten pöytäkirjat?", "document"),
        ("Var kan man läsa läroplanen för grundskolan?", "document"),
        ("Var kan jag läsa KANE:s verksamhetsberättelse?", "document"),
        # Money from the state or the EU for something: the goals name no payer.
        ("Saako kunta valtiolta rahaa asukasraatien järjestämiseen?", "funding"),
        ("Kan föreningen söka EU-medel för ett byahus?", "funding"),
        # "tästä" (of this) is no word about the bot: the sum is still asked.
        ("Paljonko asukasraati maksaisi kunnalle, onko tästä laskelmia?", "amount"),
        # Sums in words or with the euro sign; municipalities counted, not the goals; forms asked for in compounds.
        ("Saako kyläyhdistys tuhat euroa toiminta-avustusta?", "amount"),
        ("Kan föreningen få några hundra euro av kommunen?", "amount"),
        ("Saako yhdistys 500 € avustusta?", "amount"),
        ("Montako kuntaa on jo tehnyt sen, mitä KANE vaatii?", "amount"),
        ("Mistä saa kulttuuriavustuksen hakulomakkeen?", "procedure"),
        ("Var finns ansökningsblanketten för kulturbidrag?", "procedure"),
        ("Tarvitaanko avustushakemuksen liitteeksi tilinpäätös?", "procedure"),
        ("Kan jag få en blankett för verksamhetsbidrag?", "procedure"),
        ("Var valdeltagandet lägre bland unga i kommunalvalet?", "statistics"),
        ("Vem är ledamöter i stadsstyrelsen?", "person"),
        ("Onko Porissa vanhusneuvosto ja ketä siinä istuu?", "person"),
        # a meeting fee is a sum; joining a council and applying are procedures
        ("Kva få ledamötren i äldrerådet i mötesarvode?", "amount"),
        ("Miten nuorisovaltuustoon pääsee jäseneksi?", "procedure"),
        ("Hur ska vi ansöka om bidrag?", "procedure"),
        ("Mitä papereita tarvitaan, kun haemme avustusta kunnalta?", "procedure"),
        ("Miten seura hakee vuoroa koulun salista, mistä varaus tehdään?", "procedure"),
        # a named app or system, a threshold in euros, a date asked with a passive verb
        ("Mitä sovellusta kuntien kannattaa käyttää asukasraateihin?", "product"),
        ("Vilken app borde välfärdsområdet använda för kundpaneler?", "product"),
        ("Mikä on hankintojen euroraja pienissä kunnissa?", "amount"),
        ("När ordnas nästa utbildning för ledamöterna om dialog?", "date"),
        # what would follow if something happened: a condition and an implication together
        ("Jos kunta yhtenäistää avustuskäytännöt, tarkoittaako se että pienet seurat jäävät ilman?", "consequence"),
        ("Om kommunen inför gemensamma lokaler, betyder det att vi måste dela vår klubbstuga?", "consequence"),
        ("Menettääkö yhdistys avustuksensa, jos se alkaa tuottaa palveluja hyvinvointialueelle?", "consequence"),
        # the association's own goals are no goal of KANE's; "men om" opens a condition too
        ("Om föreningen inte når sina mål, förlorar vi då bidraget?", "consequence"),
        ("Men om kommunen höjer hyran, betyder det att vi förlorar lokalen?", "consequence"),
        # what KANE itself organises or hands out, a template or a piece of software
        ("Järjestääkö KANE koulutusta ehdokkaille?", "service"),
        ("Ordnar KANE utbildning för kandidater?", "service"),
        ("Onko kurssimateriaalia valtuutetuille järjestöyhteistyöstä?", "document"),
        ("Finns det en avtalsmall för samarbete mellan kommunen och föreningar?", "document"),
        ("Millä sovelluksella asukaskyselyt kannattaa tehdä?", "product"),
        ("Voiko KANElta hakea tukea kerhomme retkiin?", "funding"),
        ("Ketkä kaikki istuvat KANEssa nykyään?", "person"),
        ("Mistä sitä kohdeavustusta pitää anoa?", "procedure"),
        ("Vad ska vi göra för att få låna skolans aula till vårt årsmöte?", "procedure"),
        # one party or candidate singled out, whatever KANE is asked to do with it
        ("Suosittaako KANE jotain tiettyä puoluetta tai ehdokasta järjestöväelle?", "party"),
        ("Rekommenderar KANE något visst parti?", "party"),
        # KANE itself asked for money, in any words of giving
        ("Voisiko KANE myöntää kuorollemme rahaa konserttimatkaan?", "funding"),
        ("Kan KANE ge vår scoutkår pengar till ett nytt tält?", "funding"),
        # a fear of an outcome is no question of safe assembly: what follows stays untold
        ("Mitä seuraa jos nuorisovaltuusto lakkautetaan, pelottaa", "consequence"),
        ("Vad händer om kommunen inte vågar följa målen?", "consequence"),
        # KANE's own costs, whoever bears them
        ("Vem står för KANE:s kostnader?", "funding"),
        ("Kuka maksaa KANEn kulut?", "funding"),
        ("Maksaisiko KANE meidän kuoron harjoitustilan vuokran?", "funding"),
        # how to get in, with the asker named in between; what follows for one who does not heed KANE
        ("Miten mä pääsen itse nuorisovaltuustoon?", "procedure"),
        ("Rangaistaanko ehdokasta, joka ei välitä KANEn toiveista?", "law"),  # a sanction is the law's
        # someone within KANE, or whether some party has promised it
        ("Kuka KANEssa päätti näistä tavoitteista?", "person"),
        ("Har något parti lovat att ta KANE:s mål på allvar?", "party"),
        ("Onko joku puolue sitoutunut KANEn tavoitteisiin?", "party"),
        # who pays for something, or where the money comes from
        ("Jos kunta järjestää asukaspaneelin, kuka sen maksaa?", "funding"),
        ("Vem står för kostnaderna när kommunen lånar ut lokaler gratis?", "funding"),
        ("Varifrån kommer pengarna till KANE:s arbete?", "funding"),
        # a sum asked in spoken Swedish
        ("Hur mycki bidrag borde en hembygdsförening få per år?", "amount"),
        # whether the goals come true at all is what would follow, not the monitoring they ask for
        ("Toteutuuko nää tavoitteet oikeesti tällä valtuustokaudella vai jääkö ne paperille?", "consequence"),
        # KANE's view of one political decision, reform, cut or closure: the goals take no stand on it
        ("Mitä KANE ajattelee hallituksen leikkauksista järjestöjen rahoitukseen?", "decision"),
        ("Vad anser KANE om skolnedläggningar?", "decision"),
        ("Vastustaako KANE hallituksen leikkauksia järjestöjen rahoitukseen?", "decision"),
        ("Vad anser KANE om regeringens nedskärningar i stödet till organisationer?", "decision"),
        ("Hur ser KANE på social- och hälsovårdsreformen?", "decision"),
        # a job or a helper from KANE itself
        ("Onko KANElla kesätöitä nuorille?", "service"),
        ("Voisiko joku KANElta tulla kertomaan tavoitteista kyläillassa?", "service"),
        ("Kan KANE hjälpa oss att ordna en valdebatt?", "service"),
        ("Finns det jobb på KANE för en pensionerad lärare?", "service"),
        # money KANE itself has given
        ("Onko KANE koskaan antanut rahaa kyläyhdistyksille?", "funding"),
        ("Har KANE gett pengar till någon byaförening?", "funding"),
        # joining KANE, or someone of a kind in it
        ("Voiko meidän yhdistys liittyä KANEen?", "procedure"),
        ("Hur kommer man med i KANE som förening?", "procedure"),
        ("Onks KANEssa joku vammaisjärjestöjen edustaja?", "person"),
        # who exactly the three parties of the three-way cooperation are: the goals use the word, never say
        ("Ketkä ne kolme osapuolta kolmikantaisessa yhteistyössä oikein ovat?", "definition"),
        ("Vilka är de tre parterna som målen talar om?", "definition"),
        # how to apply, asked with how first, as in Swedish
        ("Miten meidän kyläseura hakee kaupungilta avustusta?", "procedure"),
        # which papers to fill in, or where to send them
        ("Kun yhdistys haluaa mukaan hyvinvointialueen tarjouskilpailuun, mitä papereita pitää täyttää?", "procedure"),
        ("Vi vill delta i upphandlingen, vilka papper behövs och vart ska de skickas?", "procedure"),
        # a count of what the goals are about, not of the goals ("do" words are read only with "four things")
        ("Hur många kommuner har genomfört målen?", "amount"),
        ("Montako kuntaa käyttää näitä tavoitteita?", "amount"),
        # a law named beside a candidate's duty is the law's
        ("Måste kandidaterna enligt lag hålla en god ton i debatten?", "law"),
        # how the members of a council are chosen
        ("Miten vanhusneuvoston jäsenet valitaan?", "procedure"),
        ("Hur utses medlemmarna i ungdomsfullmäktige?", "procedure"),
        ("Kuinka vammaisneuvoston jäsenet valitaan?", "procedure"),
        ("Väljs ledamöterna i äldrerådet av fullmäktige?", "procedure"),
        # spoken "koska" opening a question asks when
        ("Koska se uus urheiluhalli valmistuu?", "date"),
        # KANE giving money, with a spoken determiner before its name
        ("Antaako se KANE pienille kerhoille rahaa?", "funding"),
        # the decree KANE rests on, and who may vote, are the law's
        ("Millä asetuksella neuvottelukunta on perustettu?", "law"),
        ("Vem får rösta i välfärdsområdesvalet?", "law"),
        ("Kuka saa äänestää aluevaaleissa?", "law"),
        # who leads or runs KANE is a person the goals never name
        ("Kuka KANEa nykyään johtaa?", "person"),
        ("Vem styr KANE?", "person"),
        ("Kuka on KANEn pomo nykyään?", "person"),
        ("Vem är chef för KANE?", "person"),
        # money got from KANE, and who can vote
        ("Voiko KANElta hakea avustusta kerholle?", "funding"),
        ("Kan vi få pengar av KANE till vår förening?", "funding"),
        ("Vem kan rösta i kommunalvalet?", "law"),
        # a country or the mainland set against another
        ("Onko Suomi parempi kuin Ruotsi järjestöjen tukemisessa?", "comparison"),
        ("Är det bättre på Åland än på fastlandet med föreningslokaler?", "comparison"),
        # KANE's view of a closure on nothing of the goals' matters, whoever decides it
        ("Mitä mieltä KANE on siitä, että kaupunki lopettaa uimahallin?", "decision"),
        ("Vad tycker KANE om att kommunen lägger ner sin skidbacke?", "decision"),
        ("Tiedättekö te, koska kaupunki avaa nuorisotalon?", "date"),
        # the section of a law, and a procedure in clipped south-western speech
        ("Mihin lainkohtaan nuorisovaltuuston asettaminen perustuu?", "law"),
        ("Miten meiränlaine seura ilmottautuu kunnan asukasraatiin, mil lomakkeel?", "procedure"),
        # an age limit, a system or online tool, a model agreement to download, money from the EU or applied for at
        # all, what KANE itself means to do
        ("Minkä ikäisenä voi päästä vanhusneuvostoon?", "amount"),
        ("Finns det en åldersgräns för ungdomsfullmäktige?", "amount"),
        ("Missä järjestelmässä kunnan avustushakemus täytetään?", "product"),
        ("I vilket system ska föreningarna lämna sina förslag till kommunen?", "product"),
        ("Onko tarjolla mallisopimusta kunnan ja yhdistyksen yhteistyöhön?", "document"),
        ("Kan man ladda ner ett färdigt avtal för samarbete med välfärdsområdet?", "document"),
        ("Mistä sitä rahaa haetaan, kun kylätalon katto vuotaa?", "funding"),
        ("Saako yhdistys EU:lta rahaa kylätaloon?", "funding"),  # "EU:lta" is read without its colon
        ("Kan båtklubben få peng direkt av KANE?", "funding"),
        ("Mitä KANE aikoo tehdä, jos kunta karsii yhdistysten avustuksia?", "service"),
        # KANE's own money, or money it has to give; an app named by what it does, or KANE's own
        ("Onko KANElla omaa rahaa, jota kylätoimikunta voisi hakea?", "funding"),
        ("Har KANE egna pengar som föreningar kan söka?", "funding"),
        ("Onks KANEl rahhaa jakaa pienille seuroille?", "funding"),
        ("Mikä on se sovellus, jolla kunta voi kerätä asukkaiden ideoita?", "product"),
        ("Har KANE en app för föreningar?", "product"),
        # KANE backing a candidate, those who have committed to the goals, a loan of money
        ("Onko KANE antanut tukensa jollekin ehdokkaalle Kotkassa?", "party"),
        ("Missä on lista valtuutetuista, jotka ovat sitoutuneet KANEn tavoitteisiin?", "party"),
        ("Lainaako kunta rahaa yhdistyksille?", "funding"),
        ("Kan föreningen låna pengar av kommunen till en ny båt?", "funding"),
        # how much in its clipped spoken form; who may stand at all, and who pays for damage, are the law's
        ("Kuinka pal kunta antaa kyläyhdistykselle?", "amount"),
        ("Kuka saa olla ehdokkaana aluevaaleissa?", "law"),
        ("Vem får ställa upp i välfärdsområdesvalet?", "law"),
        ("Joutuuko yhdistys korvaamaan vahingot, jos tapahtumassa rikotaan jotain?", "law"),
        ("Måste föreningen betala skadorna om demonstrationen spårar ur?", "law"),
        # a guide or a checklist, an online platform, which municipality does it best, KANE stepping in
        ("Onko KANElla opas kunnille osallisuudesta?", "document"),
        ("Finns det en checklista för öppen förvaltning?", "document"),
        ("Mitä verkkoalustaa kunnan kannattaa käyttää kyselyihin?", "product"),
        ("Vilken webbplattform passar för en invånarpanel?", "product"),
        ("Mikä kunta on onnistunut järjestöyhteistyössä parhaiten?", "ranking"),
        ("Vilken kommun gör det här bäst?", "ranking"),
        ("Voiko KANE puuttua asiaan ja huomauttaa kunnalle?", "service"),
        # whom to contact for KANE's own speaker, told in the sentence before
        ("Haluaisimme KANEn edustajan puhujaksi kevätjuhlaamme. Keneen otamme yhteyttä?", "service"),
        ("Vi vill ha en talare från KANE på vårt jubileum. Vem ska vi kontakta?", "service"),
        # KANE's own pot of money in dialect, a time asked in spoken forms, a worth counted in money, the three
        # parties, who gets onto a party's list, a matter asked of Åland pointed at in dialect
        ("Har KANE en egen pott med pengar för föreningar?", "funding"),
        ("Mihinkä aikaan vaalit olivat?", "date"),
        ("När sku kommunen ordna invånarpanelen?", "date"),
        ("Miten talkootunnit lasketaan rahaksi?", "measure"),
        ("Mitkä ne kolme osapuolta siinä kolmikannassa oikein on?", "definition"),
        ("Vem bestämmer vem som kommer på partiets lista?", "party"),
        ("Kuka päättää, ketkä pääsevät puolueen listalle?", "party"),
        ("Gäller he här för föreningar på Åland?", "aland"),
        # a paper named in the story, the question only pointing back at it
        ("Jag vill läsa mer om den strategin som KANE nämner. Var finns den?", "document"),
        # which councillors committed, an electoral association, voting online, a grant cut for what one does, KANE
        # following the goals up, how a tender is made, KANE's head
        ("Kuka valtuutetuista on sitoutunut KANEn tavoitteisiin?", "party"),
        ("Kan en valmansförening ställa upp i kommunalvalet?", "procedure"),
        ("Får man rösta via nätet i välfärdsområdesvalet?", "law"),
        ("Om vi tar betalt för kurserna, minskar bidraget då?", "consequence"),
        ("Pienentääkö kunta avustusta, jos yhdistys alkaa myydä palveluja?", "consequence"),
        ("Har KANE publicerat någon uppföljning av målen?", "consequence"),
        ("Miten tarjous jätetään kunnan hankintaan?", "procedure"),
        ("Kuka on KANEn johtaja?", "person"),
        ("Voiko yhdistys saada kunnalta lainaa uuteen kylätaloon?", "funding"),  # a loan, not premises lent
        # when asked inside a sentence; the goals pointed at as "they" before Åland
        ("Vet du när KANE gör en uppföljning av målen?", "date"),
        ("Onko kunnassa demokratiakurssi, ja jos on, milloin ja missä?", "date"),
        ("Men gäller di överhuvudtaget på Åland?", "aland"),
        # KANE's own call for applications; spoken and glued amounts; an app asked in dialect
        ("Onko KANElla joku haku auki tänä syksynä?", "funding"),
        ("Har KANE någon ansökan öppen i höst?", "funding"),
        ("Paljos kunta antaa kylätoimikunnille rahaa?", "amount"),
        ("hurmycket får en förening av kommunen", "amount"),
        ("Mil sovelluksel kyselyn vois tehdä?", "product"),
        # other municipalities or countries set beside one's own; conflict of interest; KANE's own politics
        ("Miten muis kunnis tää o hoiettu, saako siit jostai vertailuu?", "comparison"),
        ("Hur gör man i andra kommuner med föreningsbidragen?", "comparison"),
        ("Oonko jäävi päättämään seuran avustuksesta?", "law"),
        ("Får han rösta om bidraget till föreningen, eller är han jävig?", "law"),
        ("Onko KANE poliittisesti sitoutunut?", "party"),
        ("Mitä puolueet ovat vastanneet KANElle?", "party"),
        # becoming a candidate and joining a party are the election law's and the parties'; losing support in dialect
        ("Vi funderar på att ställa upp i kommunalvalet. Hur blir man konkret kandidat?", "procedure"),
        ("Pitääkö liittyä puolueeseen, jos haluaa ehdolle kuntavaaleissa?", "procedure"),
        ("Menettääks seura tuet, jos se järjestää vaalipaneelin?", "consequence"),
        ("Miten Laukaan avustukset vertautuvat Jyväskylän avustuksiin?", "comparison"),
        # asked inside a question of what the goals say, after its comma; a sum per head; key figures
        ("Mainitaanko tavoitteissa, milloin KANE seuraavan kerran päivittää tavoitteensa?", "date"),
        ("Har KANE räknat ut något sånt, typ euro per deltagare?", "amount"),
        ("Onko KANE laskenut, mitä yhdistysten työ säästää euroina asukasta kohden?", "amount"),
        ("Med vilka nyckeltal borde kommunen följa upp samarbetet?", "measure"),
        ("Mitkä tunnusluvut kertoisivat, onko hallinto avointa?", "measure"),
        # who sits in KANE, the membership word beside KANE's name however the which stands apart; voting from
        # abroad and in a learner's word order; the best one to vote for
        ("Vilka föreningar och människor sitter i KANE?", "person"),
        ("Vem sitte i KANEs styrelse nu?", "person"),
        ("keitä on KANEN hallituksessa", "person"),
        ("Mitkä järjestöt ovat KANEssa edustettuina?", "person"),
        ("Hur jag röstar i kommunalvalet när jag bor i Spanien?", "procedure"),
        ("Voinko äänestää ulkomailta aluevaaleissa?", "procedure"),
        ("Vem e bästa kandidaten i Jakobstad?", "party"),
        ("Kuka on paras ehdokas meidän kunnassa?", "party"),
    ],
)
def test_a_fact_the_goals_never_give_is_answered_honestly(assistant: Assistant, question: str, fact: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None and not reply.other_language
    assert assistant.message(f"honest_{fact}", reply.lang) in reply.text
    # The closest part of the goals is a button, never quoted: no entry text in the reply.
    quoted = [entry.id for entry in assistant.knowledge.entries if entry.text(reply.lang)[:60] in reply.text]
    assert quoted == []
    assert any(followup.target in ("contact", "handoff") for followup in reply.followups)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # an EU project, reading, caring, named in passing: the goals' matter is still asked
        ("Vårt EU-projekt om unga tar slut. Hur kan kommunen stödja föreningar enligt målen?", "goal-4.action-1"),
        ("Vill läsa om hur staden kan minska pappersarbetet med bidrag", "goal-1.action-2"),
        ("Välitän kovasti vanhuksista, mitä tavoitteet sanovat vanhusneuvostoista?", "goal-2.action-2"),
        # "koska" giving a reason, not asking when, with or without the comma
        ("Koska meillä ei ole kerhohuonetta, voiko kunta antaa tilan ilmaiseksi?", "goal-1.action-3"),
        ("Koska meillä ei oo kerhohuonetta voiko kunta antaa tilan ilmaseks?", "goal-1.action-3"),
        # "Har" with a noun after the place asks what it may do; a point of the goals and voting members onto a panel
        ("Har Mariehamn rätt att kräva hyra av föreningar enligt KANE?", "goal-1.action-3"),
        ("Med stöd av vilken punkt i målen kan vi be kommunen om gratis lokaler?", "goal-1.action-3"),
        ("Får man rösta fram medlemmar till en invånarpanel enligt målen?", "goal-2.action-1"),
        # support from KANE while the money comes from the municipality
        ("Får föreningar stöd av KANE när de söker bidrag från kommunen?", "goal-1.action-2"),
        # one's spouse or partner running an association with one
        ("Puolisoni ja minä vedämme yhdistystä, miten kunta voi tukea meitä?", "goal-1"),
        # a benefit named in an association's story, not asked for
        ("Autamme vapaaehtoisina opiskelijoita opintotukiasioissa. Miten kunnat voisivat tukea meitä?", "goal-1"),
        # how KANE thinks is no plan of KANE's, nor what it would demand; an app to download, rules or a project
        # from the EU, a grant system named in passing
        ("Kommunen klarar sig inte utan föreningarna, är det så KANE tänker?", "goal-4"),
        ("Aikooko KANE vaatia kunnilta lisää avustuksia?", "goal-1.action-2"),
        ("Invånarna ska inte behöva ladda ner en app för att delta, vad säger målen?", "goal-2"),
        ("Kommer kraven på öppen förvaltning från EU?", "goal-3"),
        ("Vi har ett projekt med stöd från EU men saknar lokaler, vad säger KANE om lokaler?", "goal-1.action-3"),
        # a guide or a handbook as what should be made is the goals' matter, "program" a programme, "the three"
        # the councils, volunteering to help ("ställa upp") no candidacy, money given back a municipality's
        ("Pitäisikö hyvinvointialueen tehdä selkeä opas palveluista?", "goal-4.action-2"),
        ("Borde kommunen ha en handbok för föreningar om bidrag?", "goal-1.action-2"),
        ("Ska kommunen göra en guide som beskriver föreningarnas tjänster begripligt?", "goal-4.action-2"),
        ("Vilket program borde kommunen ha för att stärka ungdomsfullmäktige?", "goal-2.action-2"),
        ("Ketkä ne kolme neuvostoa ovat, joiden roolia KANE korostaa?", "goal-2.action-2"),
        ("Vilka kan ställa upp och hjälpa till i föreningens talko, vad säger målen om frivilligverksamhet?", "goal-1"),
        ("Ska kommunen ge pengar tillbaka till föreningar som har betalt hyra för lokaler?", "goal-1.action-3"),
        # KANE's wish that minorities could stand is the candidates' part, not who may stand by law
        ("Haluaako KANE, että myös vähemmistöt voivat olla ehdokkaina vaaleissa?", "candidates"),
        ("Saako yhdistys lainaa kunnan kokoustiloja?", "goal-1.action-3"),  # premises lent ("lainaa" the verb)
        # guidance ("opastus") is no guide asked for; a cut in red tape, committing to cooperation, examples of
        # cooperating municipalities and citizenship education are the goals' matters
        ("Onko opastusta tarjolla, jos asukas ei löydä sopivaa järjestöä?", "goal-4.action-2"),
        ("Pienentääkö kunta avustuksiin liittyvää hallinnollista taakkaa tavoitteiden mukaan?", "goal-1.action-2"),
        ("Hur minskar kommunen då byråkratin kring bidragen?", "goal-1.action-2"),
        ("Finns det exempel på kommuner och föreningar som samarbetar i trepartssamarbete?", "goal-4.action-1"),
        (
            "Ska välfärdsområdet ha någon handbok om hur organisationernas tjänster beskrivs begripligt?",
            "goal-4.action-2",
        ),
        # what KANE has to say of grants, its own view of them, or grants others give, is no money of KANE's own
        ("Onko KANElla jotain sanottavaa avustuksista?", "goal-1.action-2"),
        ("Har KANE några krav på bidragen?", "goal-1.action-2"),
        ("Onko KANElla oma kanta kuntien avustuksiin?", "goal-1.action-2"),
        ("Vad har KANE sagt om bidragen som kommunerna delar ut?", "goal-1.action-2"),
        # an app the municipality should have, or one named in a question of the goals, asks which app no one
        ("Borde kommunen ha en app där invånarna kan tycka till?", "goal-2"),
        ("Vad säger målen om en app där föreningarna kan boka lokaler?", "goal-1.action-3"),
        # standing for election is the candidates' matter, not the goals as a whole
        ("Vad säger målen om vem som ska ställa upp i valet?", "candidates"),
        ("Oli ihminen kuinka vanha tahansa, hän saa vaikuttaa – mitä tavoitteet sanovat osallisuudesta?", "goal-2"),
        # how, asked after a comma of what the goals say, is what they say of it
        ("Sanotaanko tavoitteissa, miten kunnan pitäisi tukea yhdistyksiä?", "goal-1"),
    ],
)
def test_a_word_of_a_new_fact_in_another_sense_leaves_the_goals_answer(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


def test_whom_to_ask_about_a_places_strategy_is_routed_not_a_missing_document(assistant: Assistant) -> None:
    assert assistant.reply("Mistä löydän ihmisen, joka vastaa Kotkan järjestöstrategiasta?").kind in (
        "route",
        "clarify",
    )


def test_the_closest_passage_is_offered_as_a_button(assistant: Assistant) -> None:
    reply = assistant.reply("Paljonko kuntien pitäisi budjetoida järjestöavustuksiin euroina?")
    assert reply.kind == "fallback" and reply.suggest == "goal-1.action-2"
    assert "goal-1.action-2" in [followup.target for followup in reply.followups]
    assert reply.as_json("q")["suggest"] == "goal-1.action-2"


@pytest.mark.parametrize("question", ["Entä Oulu?", "Entäs meillä Tampereella?", "Vem kandiderar i Esbo?"])
def test_a_place_alone_after_a_follow_up_word_or_who_stands_there_is_no_answer_from_the_goals(
    assistant: Assistant, question: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None


def test_a_fact_about_one_municipality_says_the_goals_are_the_same_for_all(assistant: Assistant) -> None:
    reply = assistant.reply("Onko Kuopiossa vammaisneuvosto?")
    assert reply.kind == "fallback"
    assert assistant.message("honest_place", "fi", place="Kuopio") in reply.text
    # The goals' own words for the county's panels ("asiakasraadit", "kundjuryer") name the matter too.
    county = assistant.reply("Har Österbottens välfärdsområde redan kundjuryer?")
    assert county.kind == "fallback" and county.entry is None


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Onko Porissa jo pysyvä kolmikantainen yhteistyöryhmä järjestöjen kanssa?", "Pori"),
        ("Har Raseborg redan ett fast samarbetsforum med föreningarna?", "Raseborg"),
        ("Miten Kuopio nykyään tukee yhdistyksiä?", "Kuopio"),
        # what a place has done, in the Finnish perfect or with Swedish "Har …" first
        ("Miten Vantaa on parantanut yhdistysten tiloja?", "Vantaa"),
        ("Har Vasa skrivit in föreningarna i sin strategi?", "Vasa"),
        ("Ha Närpes stad någo lokaler åt föreningar?", "Närpes"),  # dialect "ha" for "har"
        # what a place has promised: the promise's "ska" is no "should" of the question's
        ("Har Larsmo kommun lovat att föreningar ska få hålla kvar hamnen billigt?", "Larsmo"),
        # whether the place has taken up the goals themselves, spoken participles too
        ("Onko Rovaniemen kaupunki jo ottanu nää tavoitteet käyttöön?", "Rovaniemi"),
        ("Onks Porvoo jo tehny jotain näiden tavoitteiden eteen?", "Porvoo"),
        ("Har Jakobstad redan följt KANE:s mål om lokaler?", "Jakobstad"),
        # how two places compare, on no matter routing knows
        ("Har Borgå eller Lovisa bättre dialog med föreningarna?", "Borgå"),
        # what the place does now, asked verb first; a clause of what to do, or a relative clause, comes after
        ("Antaako Espoo ilmaisia tiloja yhdistyksille?", "Espoo"),
        ("Ger Borgå stad gratis lokaler åt föreningar?", "Borgå"),
        ("Onko Porin strategiassa jo mainittu järjestöt, vai pitääkö meidän vaatia sitä?", "Pori"),
        ("Har Vasa en lista över föreningar som servicerådgivningen kan använda?", "Vasa"),
        ("Saako Oulussa yhdistys koulun salin ilmaiseksi iltaisin?", "Oulu"),  # may one there: what is so there
        # a word of the goals' ("nämns", "mainitaan") inside a relative clause describes the place's own document
        ("Har Borgå en egen upphandlingsstrategi där sociala företag nämns?", "Borgå"),
        ("Onko Porvoolla oma hankintastrategia, jossa mainitaan yhteiskunnalliset yritykset?", "Porvoo"),
        # what KANE suggests, named only to compare: the question is how things are there
        ("Saako Lahdessa yhdistys koulun salin ilmaiseksi, niin kuin KANE ehdottaa?", "Lahti"),
        # spoken Finnish uses "mistä", "mitä" as relatives: the goals named in it describe what the place has done
        ("Onko Raumalla jo asukasraati, mitä tavoitteissa ehdotetaan?", "Rauma"),
        ("Onko Kemissä jo tehty niitä juttuja mistä KANE puhuu?", "Kemi"),
        # whether what one heard of the place is true: "pitääkö" there asks no "must"
        ("Kuulin että Kuopion kaupunki lopettaa kylätalojen ilmaiset vuorot, pitääkö se paikkansa?", "Kuopio"),
        ("Jag hörde att Närpes slutar ge föreningar bidrag nästa år, stämmer det?", "Närpes"),
        # what one place's own document says, however the question frames it as what is said
        ("Mitä Jyväskylän kaupunkistrategiassa sanotaan yhdistyksistä?", "Jyväskylä"),
        ("Vad står det i Karleby stads välfärdsplan om pensionärsföreningar?", "Karleby"),
        ("Miten Kouvolan hyvinvointisuunnitelma huomioi vapaaehtoistyön?", "Kouvola"),
        # where one place's own document is found, asked in full or in bare keywords
        ("Mistä löytyy Porin kaupungin hyvinvointisuunnitelma?", "Pori"),
        ("Hämeenlinnan osallisuusohjelma netissä missä", "Hämeenlinna"),
        ("Var hittar jag Borgå stads riktlinjer för föreningsbidrag?", "Borgå"),
        ("Närpes kommunfullmäktiges protokoll var?", "Närpes"),
        # who can find or read it is the asker, not the place that could act
        ("Mistä voi lukea Lahden kaupungin hyvinvointisuunnitelman?", "Lahti"),
        ("Var kan jag hitta Kristinestads strategi?", "Kristinestad"),
    ],
)
def test_how_things_stand_now_in_one_place_is_no_matter_of_the_goals(
    assistant: Assistant, question: str, place: str
) -> None:
    # No routing topic is named, yet "jo" / "redan" with a place asks what that one place has done.
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None
    assert assistant.message("honest_place", reply.lang, place=place) in reply.text


@pytest.mark.parametrize(
    ("question", "place"),
    [
        # what there is in one place, on a matter routing knows: the goals do not list it; who handles it is said
        ("Onko Lahdessa maksuttomia kokoustiloja yhdistyksille ja mistä ne löytyy?", "Lahti"),
        ("Finns det gratis lokaler för föreningar i Lovisa?", "Lovisa"),
        ("Ordnar Åbo stad redan invånarjuryer, och i vilka frågor i så fall?", "Åbo"),
        # which things there are in one place: a list of its facts, whatever can be done with them
        ("Vilka lokaler i Kristinestad kan föreningar hyra billigt?", "Kristinestad"),
        ("Mitkä järjestöt Kotkassa saavat avustusta?", "Kotka"),
    ],
)
def test_what_there_is_in_one_place_is_answered_honestly_and_names_who_handles_it(
    assistant: Assistant, question: str, place: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None
    assert assistant.message("honest_place", reply.lang, place=place) in reply.text
    assert reply.pending is not None and "handoff" in [followup.target for followup in reply.followups]


@pytest.mark.parametrize(
    "question",
    [
        "Vilka i Lovisa sköter lokalerna?",
        "Kuka Ikaalisissa vastaa järjestöyhteistyöstä, kenelle soitan?",
        "Kemissä mistä järjestö saa ilmaisen tilan?",
    ],
)
def test_whom_or_where_to_ask_in_one_place_stays_a_route(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind == "route"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Miten Tampere voisi parantaa tiedonkulkua hyvinvointialueen kanssa?", "goal-3.action-3"),
        ("Borde Borgå ha bättre dialog med föreningarna?", "goal-3.action-2"),
        # also on a matter routing knows: the goal is the answer
        ("Pitäisikö Oulun antaa ilmaisia tiloja yhdistyksille?", "goal-1.action-3"),
        ("Borde Esbo ge föreningar gratis lokaler?", "goal-1.action-3"),
        ("Kun Oulu ostaa palveluja, pitäisikö järjestöjen päästä mukaan?", "goal-4.action-3"),
        # what a place's own document should or must say, or how to get into it
        ("Mitä Jyväskylän strategiassa pitäisi lukea yhdistyksistä?", "goal-1.action-1"),
        ("Vad borde stå i Vasa stads strategi om föreningarna?", "goal-1.action-1"),
        ("Täytyykö Porin strategiassa mainita yhdistykset?", "goal-1.action-1"),
        ("Miten meidän kyläyhdistys pääsee mukaan Kajaanin kaupungin strategiaan?", "goal-1.action-1"),
        ("Hur får vi in byaföreningarna i Pargas stads strategi?", "goal-1.action-1"),
    ],
)
def test_what_one_place_could_or_should_do_is_the_goals_matter(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "answer" and reply.entry == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # the asker's home or candidacy named in passing is no fact asked about the place
        ("Olen ehdolla kuntavaaleissa Porissa, miten yhdistystaustastani on hyötyä?", "candidates"),
        ("Bor i Jakobstad, hur kan kommunen stödja föreningarna?", "goal-1"),
        ("Asun Kokkolassa ja mietin, miten kunta voisi tukea vapaaehtoistoimintaa?", "goal-1"),
        # whether it makes sense for a place to do something is what it should do
        ("Onko Oulun syytä ottaa järjestöt mukaan kuntastrategiaan?", "goal-1.action-1"),
        # a document or course material named in what should be is the goals' matter, not a document asked for
        ("Pitäisikö kouluissa olla enemmän opetusmateriaalia demokratiasta?", "goal-2.action-3"),
        # what KANE's goals say is no service of KANE's
        ("Onko KANElta tavoitteita nuorisovaltuustoista?", "goal-2.action-2"),
    ],
)
def test_a_place_or_a_word_of_a_fact_named_in_passing_leaves_the_goals_answer(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    "question", ["Mistä Oulussa saa tiloja yhdistykselle?", "Var i Borgå får föreningar hjälp med lokaler?"]
)
def test_where_in_a_named_place_stays_a_route(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind == "route"


def test_two_places_compared_is_a_fact_about_them(assistant: Assistant) -> None:
    reply = assistant.reply("Kumpi tukee järjestöjä paremmin, Kerava vai Järvenpää?")
    assert reply.kind == "fallback" and reply.entry is None
    assert assistant.message("honest_place", "fi", place="Kerava") in reply.text


def test_how_to_apply_in_a_named_place_says_who_handles_it_and_can_hand_over(assistant: Assistant) -> None:
    reply = assistant.reply("Miten haemme avustusta Lahden kaupungilta?")
    assert reply.kind == "fallback" and "Lahti" in reply.text
    assert reply.pending is not None and reply.pending.municipality == "398" and reply.pending.topic == "grants"
    assert "handoff" in [followup.target for followup in reply.followups]


@pytest.mark.parametrize(
    "question",
    [
        "Olen ehdolla aluevaaleissa, mitä KANE odottaa minulta?",
        "Vad förväntar sig KANE av oss kandidater?",
        "Mitä KANE toivoo ehdokkailta?",
        # the candidacy told in the sentence before, the asker in the question
        "Asetun ehdolle Lahdessa. Mitä KANE odottaa minulta?",
        "Jag kandiderar i Borgå. Vad önskar KANE av mig?",
        # how those who run talk, meet people and earn trust, however strongly running points at nominations
        "Hur ska de som ställer upp i valet bemöta folk som tycker annorlunda?",
        "Miten ehdolle lähtevien pitäisi keskustella äänestäjien kanssa?",
        "Vad kan vi kandidater göra för att folk ska lita på oss?",
    ],
)
def test_what_kane_wishes_of_candidates_is_their_responsibility_not_the_goals_as_a_whole(
    assistant: Assistant, question: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", "candidates.dialogue")


@pytest.mark.parametrize(
    "question",
    [
        "Montako tavoitetta KANE on asettanut?",
        "Hur många mål har KANE?",
        "Kuinka monta tavoitetta kunnille on?",
        "Hur många mål gäller kommunerna?",
        # KANE's wishes asked with nothing but what every goal is about (municipalities, counties, the elections)
        "Mitä KANE toivoo kaupungeilta ja hyvinvointialueilta kevään vaalien jälkeen?",
        "Olen ehdolla. Mitä KANE odottaa kunnilta?",  # a candidate asking of municipalities
        "Vad önskar KANE av kommunerna inför valet?",
        "Mitä se KANE oikein vaatii kunnilta?",
        "Miksi KANE välittää kuntavaaleista?",
        "Varför bryr sig KANE om välfärdsområdesvalet?",
        # which elections the goals are for
        "Mihin vaaleihin nämä KANEn tavoitteet liittyvät?",
        "Mistä vaaleista tavoitteissa on kyse?",
        # the goals set for the double elections, and what KANE wants to achieve with them
        "Vilka mål har KANE satt upp inför regionvalet?",
        "Vad vill KANE uppnå med målen inför dubbelvalet?",
        "Mitä KANE haluaa saavuttaa tavoitteillaan kaksoisvaaleissa?",
        # the goals by an everyday name
        "Vad står på önskelistan till kommunerna inför valet?",
        "Mitkä ovat päälinjat kunnille ennen vaaleja?",
        "Mitä on toivelistalla kunnille ennen vaaleja?",  # an inflected name
        "Mitkä ovat pääkohdat kunnille ennen kuin mennään uurnille?",
        # the things KANE wants taken on
        "Vilka saker vill KANE att välfärdsområdena tar tag i?",
        # whom they are addressed to, and what four were written for and for whom (not why there are four)
        "Keille nämä tavoitteet on osoitettu?",
        "Till vem är målen adresserade?",
        "Mitä varten ne neljä asiaa on kirjoitettu, ja kenelle?",
        # only the one or the other too
        "Onks nää tavoitteet tehty vaan kunnille vai myös hyvinvointialueille?",
        "Gäller målen enbart kommunerna?",
        # for what reason for just these elections
        "Mistä syystä KANE teki nämä tavoitteet juuri kuntavaaleihin?",
        "Av vilken anledning gjorde KANE målen just inför dubbelvalet?",
        # what they are for, what they raise, and for which elections they were set up
        "Mikä on näiden tavoitteiden tarkoitus kunnille?",
        "Vad är syftet med målen för kommunerna?",
        "Mitä asioita KANE nostaa esiin tavoitteissaan?",
        "Vad lyfter KANE fram i sina mål inför valet?",
        "Inför vilket val har målen ställts upp?",
        # both or only one of the two, and what they are for at all
        "Gäller målen både kommunerna och välfärdsområdena, eller bara kommunerna?",
        "Varför har KANE gjort de här målen över huvud taget?",
        # what they are for and for whom, however the words spread: no contact asked of "kenelle", no part named
        "Mihin näitä tavoitteita oikeastaan tarvitaan ja kenelle ne on tarkoitettu, kunnille vai järjestöille?",
        "Mitä varten nää tavoitteet on tehty, ja kenelle ne on tarkoitettu, kunnille vai yhdistyksille?",
    ],
)
def test_the_goals_as_a_whole_are_answered_from_the_introduction(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "answer" and reply.entry == "intro"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Mitä KANE toivoo puolueilta?", "candidates"),  # the parties are one part's matter
        ("Vad är poängen med mål 2?", "goal-2"),  # what one goal is for is that goal's
        ("Vad önskar KANE av kommunerna när det gäller föreningsbidrag?", "goal-1.action-2"),
        ("Mikä KANE on?", "kane"),  # no wish asked: KANE itself
        ("Vad står på önskelistan om föreningsbidrag?", "goal-1.action-2"),
        # a proposal or a statement of a council's own, and voting, are no names of the goals as a whole
        ("Vilka förslag gör beslutsfattarna i kommunen?", "goal-3.action-2"),
        ("Miten kunta tekee lausunnon?", "goal-2.action-2"),
        ("Vad står det i målen om att rösta?", "candidates.dialogue"),
    ],
)
def test_a_wish_about_one_matter_is_not_the_goals_as_a_whole(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.reply(question).entry == entry


def test_a_date_asked_of_the_goals_by_an_everyday_name_is_answered_honestly(assistant: Assistant) -> None:
    reply = assistant.reply("Milloin pääkohdat julkaistiin?")
    assert reply.kind == "fallback" and reply.suggest == "intro"


def test_a_sum_asked_in_the_goals_name_is_no_count_of_the_goals(assistant: Assistant) -> None:
    reply = assistant.reply("Kuinka monta euroa avustusta yhdistys saa tavoitteiden mukaan?")
    assert reply.kind == "fallback" and reply.entry is None


@pytest.mark.parametrize(
    "question",
    [
        # A short word of the out-of-scope list in any form: "veroa", "verot" are vero.
        "Pitääkö yhdistyksen maksaa veroa arpajaisten tuotosta?",
        "Mitä verot ovat tänä vuonna kesätöistä?",
        # "vapaaehtoinen" and "strategi" in school exams and board games
        "Onko ruotsi vapaaehtoinen ylioppilaskirjoituksissa?",
        "Vinner man i Monopol genom att spara pengarna?",
        "Miten parisuhteessa palautetaan luottamus?",  # trust between two people, not in administration
        "Kan man lita på sin partner igen när ens partner har varit otrogen?",
        "Voiko luottaa uudelleen, kun puoliso on valehdellut kuukausia?",
        # a comment on the bot's own wording is no question about services described clearly
        "Voisitko vastata selkeämmin?",
    ],
)
def test_an_everyday_word_in_any_form_is_never_answered_from_the_goals(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind == "fallback"


@pytest.mark.parametrize(
    "question",
    [
        # a person's housing allowance, not an association's grant ("avustus", "bidrag" are the goals' words)
        "Saako ulkomainen opiskelija Kelalta asumisavustusta?",
        "Kan en utbytesstudent få bostadsbidrag från FPA?",
    ],
)
def test_a_persons_own_benefit_is_an_everyday_matter(assistant: Assistant, question: str) -> None:
    assert assistant.reader.everyday(question)
    assert assistant.reply(question).kind == "fallback"


@pytest.mark.parametrize(
    "question",
    [
        # the state of one's own booking or payment: a reservation's "tila" is its status, no premises
        "Mikä on mun saunavuoron varauksen tila, onks se jo maksettu?",
        "Vad är status på min bokning av bastun, är den redan betald?",
        "Mitä mun kirjastovarauksen tila näyttää?",
    ],
)
def test_the_state_of_ones_own_booking_is_an_everyday_matter(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind == "fallback"


@pytest.mark.parametrize(
    "question",
    [
        "Paljonko maksaa bussilippu Tampereella?",
        "Hur lagar man köttbullar?",
        "Hur många mål gjorde IFK Mariehamn förra säsongen?",  # goals scored, not KANE's goals counted
        "Vem gjorde segermålet mot Åbo igår?",  # one goal scored, not who made KANE's
        "Kuka teki maalin eilen Ilves–Tappara-pelissä?",
        # which bus to take is a timetable's, though buses are named in goal 2
        "Mikä bussi menee Lapualta Seinäjoelle?",
        "Vilken buss går från torget till simhallen?",
        # a name for one's own club is one's own to find
        "Mikä olis hyvä nimi meidän lauluryhmälle?",
        "Vad är ett bra namn på vår scoutkår?",
    ],
)
def test_an_everyday_question_gets_the_plain_fallback(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.suggest is None
    assert assistant.message("fallback", reply.lang) in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Miten kunta voisi keventää avustusten hakemista?",  # "how should the municipality…" is answered
        "Mitä tavoitteissa sanotaan lakisääteisistä vanhusneuvostoista?",
        "Vad säger målen om upphandlingar?",
        # "till när" asks a date only where it opens the question ("Till när kan vi söka?"), not after "uppmanar".
        "Vad uppmanar KANE partierna till när de ställer upp kandidater?",
        # A role named to say what it should do is the goals' matter; only "who" asks for the person.
        "Borde fullmäktigeledamöterna lära sig att föra dialog med föreningarna?",
        "Pitäisikö valtuutettujen ja puheenjohtajien osata keskustella järjestöjen kanssa?",
        # "from KANE" is no money from KANE; "from abroad" no other country; "voittaa" (gain) no sport.
        "Mitä kanelta voi odottaa kuntavaaleissa?",
        "Miten kunta voi tukea ulkomailta muuttaneiden yhdistyksiä?",
        "Mitä kunta voittaa kun se tukee järjestöjä?",
        # What a goal means, or what follows from civic action, is the goals' matter: no condition with an implication.
        "Tarkoittaako tavoite 1, että kunnan pitää antaa tiloja ilmaiseksi?",
        "Jos kunta tukee yhdistyksiä, lisääkö se ihmisten hyvinvointia?",
        "Vad säger KANE om kommunen och föreningarna, betyder det att de ska samarbeta?",
        # a hedge is no condition, a goal named asks what it says, "om de" is "about them"
        "Om jag förstått rätt, betyder det att kommunen ska låta föreningar använda lokaler gratis?",
        "Jos luen tavoitetta 3 oikein, tarkoittaako se että kunnan päätösten pitää olla avoimia?",
        "Kun tavoite 2 puhuu kansalaistaidoista, tarkoittaako se kouluja?",
        "Om jag har tolkat det rätt, betyder det att kommunen ska ge föreningar lokaler gratis?",
        "Jos KANE haluaa maksuttomia tiloja, tarkoittaako se että kunnan pitää antaa salit ilmaiseksi?",
        # "vastaan" (against) and "ställa sig till en fråga" (take a stance) are no help about the bot
        "Hur ställer sig KANE till frågan om gratis lokaler?",
        "Miten kunta ottaa vastaan avoimia kysymyksiä asukkailta?",
        # KANE backing an idea or giving advice on grants is no money from KANE
        "Tukeeko KANE avustusten korottamista kunnissa?",
        "Ger KANE några råd om hur bidragen borde fördelas?",
        "Delar KANE synen att föreningarna behöver mer pengar?",
        "Mitä painoarvoa KANE antaa avustuksille?",
        # KANE's view of what the goals name, and a closure in a story or as a cause of a demonstration
        "Vad tycker KANE om gratis lokaler för föreningar?",
        "Kyläkoulu lakkautetaan ja kylä hiljenee. Mitä mieltä KANE on kylätalojen tiloista yhdistyksille?",
        "Jos osoitamme mieltä koulun lakkauttamista vastaan, pitääkö kunnan huolehtia turvallisuudestamme?",
        # KANE's view of a decision of a county, a council or a place, or of a matter the goals name
        "Mitä KANE sanoo, jos hyvinvointialue leikkaa järjestöjen avustuksia?",
        "Vad tycker KANE om att fullmäktige skär ner föreningsbidragen?",
        "Mitä mieltä KANE on, jos kunta lopettaa yhdistysten avustukset?",
        "Vad tycker KANE om att kommunen stänger föreningarnas lokaler?",
        "Mitä mieltä KANE on vammaisneuvoston lakkauttamisesta?",
        "Vad anser KANE om en reform av bidragspraxis som minskar byråkratin?",
        "Stöder KANE fredliga demonstrationer mot nedskärningar?",
        # who sits in a council, asked of KANE's view, is no member of KANE asked, nor are a council's members or those
        # represented on the lists, nor where KANE sits; parties finding the best candidates, and what makes one
        "Mitä KANE toivoo vanhusneuvoston jäseniltä?",
        "Vilka minoriteter vill KANE se representerade på partiernas listor?",
        "Vilket slags organ är KANE, sitter det vid justitieministeriet?",
        "Mitä paras ehdokas voi tehdä äänestysaktiivisuuden hyväksi?",
        "Är den bästa kandidaten en som bygger förtroende?",
        "Vilken är den bästa kandidaten enligt KANE, en som för dialog?",
        "Mitä tekemistä KANElla on hallituksen kanssa?",
        "Ha KANE nå åsikt om att dom som sitter i fullmäktige int vet vem vi är?",
        "Miten puolueet löytävät parhaat ehdokkaat KANEn mielestä?",
    ],
)
def test_questions_the_goals_do_answer_are_not_taken_for_unanswerable(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind == "answer"


@pytest.mark.parametrize(
    "question", ["Keneen voin ottaa yhteyttä oikeusministeriössä KANEn asioissa?", "Vem på KANE kan jag ringa?"]
)
def test_whom_to_contact_outside_any_municipality_is_answered_honestly(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.route is None
    assert assistant.message("honest_contact", reply.lang) in reply.text
    assert "contact" in [followup.target for followup in reply.followups]


@pytest.mark.parametrize(
    "question",
    [
        "Vem ska jag kontakta om lokaler i Borgå?",
        # one place's contacts asked for, in words near the contacts help's spreadsheet task
        "Voitko tuoda tähän Vantaan kulttuuripalvelujen yhteystiedot?",
    ],
)
def test_whom_to_contact_in_a_municipality_is_still_routed(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "route" and reply.route is not None


def test_swedish_nar_asks_when_only_before_its_verb(assistant: Assistant) -> None:
    # "När får …?" asks for a date; "När kommunen köper …, ska …?" opens a clause and asks what the goals say.
    asked = assistant.reply("När får föreningarna besked om bidragen?")
    clause = assistant.reply("När kommunen köper tjänster utifrån, ska föreningar få vara med i upphandlingen?")
    assert asked.kind == "fallback" and assistant.message("honest_date", "sv") in asked.text
    assert (clause.kind, clause.entry) == ("answer", "goal-4.action-3")


@pytest.mark.parametrize(
    "message",
    [
        "Puhelimeni akku ei enää lataudu, vaikka vaihdoin johdon. Mikä auttaisi?",
        "Min telefon laddar inte. Vad hjälper?",
    ],
)
def test_a_thin_question_after_an_everyday_story_is_not_answered_from_the_goals(
    assistant: Assistant, message: str
) -> None:
    # "Mikä auttaisi?" alone reads as help, a word of goal 1; the story says what it is about.
    assert assistant.reply(message).kind == "fallback"


def test_a_thin_question_after_an_associations_story_is_still_answered(assistant: Assistant) -> None:
    reply = assistant.reply("Olemme ruoka-apuyhdistys ja jaamme ruokaa. Mitä avustuksista sanotaan?")
    assert (reply.kind, reply.entry) == ("answer", "goal-1.action-2")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Forms complained of, more euros asked for: the goals' call for lighter, better-funded grants answers.
        ("Ne avustuslomakkeet on ihan kamalia, aikooko kaupunki keventää niitä?", "goal-1.action-2"),
        ("Blanketterna för bidrag är ett elände, tänker kommunen göra dem enklare?", "goal-1.action-2"),
        ("Pitäisikö kaupungin jakaa enemmän euroja pienille yhdistyksille?", "goal-1.action-2"),
        # "välittää" (to care) folds to "valittaa" (to appeal), which is the law's only as written.
        ("Miksi kunnan pitäisi välittää vapaaehtoistoiminnasta?", "goal-1"),
        # Turnout and councillors are the goals' own matters, not statistics or names asked for.
        ("Vad har kandidaternas ton med valdeltagandet att göra?", "candidates.dialogue"),
        ("Miksi äänestysaktiivisuus on KANElle tärkeää?", "candidates.dialogue"),
        # Where meeting rooms are found, and forms that should be lighter, are the goals' matters.
        ("Var hittar vi lokaler för föreningens möten?", "goal-1.action-3"),
        ("Miten lomakkeita voisi keventää?", "goal-1.action-2"),
        ("Hur kan kommunen förbättra blanketterna för föreningsbidrag?", "goal-1.action-2"),
        ("Miksi avustushakemuksiin tarvitaan niin monta liitettä?", "goal-1.action-2"),
        ("Finns det något i målen om blanketter?", "goal-1.action-2"),
        ("Är KANE för att föreningen ska få lokaler gratis?", "goal-1.action-3"),
        # How a place should act now is answered; only whether it already has something is its own fact.
        ("Hur kan Esbo redan nu stärka äldrerådets roll?", "goal-2.action-2"),
        ("Miten Oulussa pitäisi tukea yhdistyksiä?", "goal-1"),
        ("Miten Oulussa voitaisiin tukea yhdistyksiä?", "goal-1"),
        ("Miten Oulu pystyisi tukemaan järjestöjä paremmin?", "goal-1"),
        ("Miten me Kuopiossa päästään mukaan kunnan strategiatyöhön?", "goal-1.action-1"),
        ("Borde fullmäktigeledamöterna lära sig föra dialog med föreningarna?", "goal-3.action-2"),
        # applying named in a clause is no question of how to apply
        ("Pappersexercisen när vi ansöker om understöd tar evigheter, vill man förenkla den?", "goal-1.action-2"),
        ("Kun haemme kaupungin avustusta, voisiko paperityötä olla vähemmän?", "goal-1.action-2"),
        # the benefit of the goals coming true is the goals' own
        ("Mitä hyötyä kunnalle on, jos tavoitteet toteutuvat?", "goal-1"),
        # a system of cooperation is no product, a municipality seeking new ways no application, procurement under
        # the threshold no sum, a place given as an example no fact about it
        ("Vilket system för samarbete mellan kommunen och föreningarna föreslår KANE?", "goal-4.action-1"),
        ("Kunta hakee uusia tapoja osallistaa asukkaita, mitä voisimme ehdottaa?", "goal-2.action-1"),
        ("Hur kan kommunen gynna föreningar i upphandlingar under tröskelvärdet?", "goal-4.action-3"),
        ("Har kommuner som Korsholm nytta av att samarbeta med föreningar?", "goal-1"),
        # what KANE has to say, or its text, is the goals
        ("Har KANE nåt att säga om lokaler?", "goal-1.action-3"),
        ("Mitä KANEn materiaalissa sanotaan avustuksista?", "goal-1.action-2"),
        # a board-game club and a pensioners' coffee club are associations
        ("Miten kunta voisi tukea lautapeliyhdistyksiä ja muita harrasteseuroja?", "goal-1"),
        ("Vårt kaffeklubb för pensionärer behöver en lokal, kan kommunen hjälpa?", "goal-1.action-3"),
    ],
)
def test_words_of_a_fact_in_another_sense_leave_the_goals_answer(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "answer" and reply.entry == entry


def test_public_transport_as_a_matter_of_taking_part_stays_goal_2(assistant: Assistant) -> None:
    reply = assistant.reply("Miksi bussit ja netti vaikuttavat siihen, pääseekö ihminen osallistumaan?")
    assert (reply.kind, reply.goal) == ("answer", 2)


def test_a_named_web_service_is_a_product_the_goals_never_name(assistant: Assistant) -> None:
    reply = assistant.reply("Käytetäänkö asukasraateihin Kerrokantasi.fi-palvelua?")
    assert reply.kind == "fallback" and reply.suggest == "goal-2.action-1"
    assert assistant.intents.asked_fact("Käytetäänkö asukasraateihin Kerrokantasi.fi-palvelua?") == "product"


def test_a_web_address_in_a_question_of_what_to_do_or_an_email_address_asks_no_product(assistant: Assistant) -> None:
    reply = assistant.reply("Pitäisikö kunnan käyttää otakantaa.fi-palvelua asukaspaneeleissa?")
    assert (reply.kind, reply.entry) == ("answer", "goal-2.action-1")
    assert assistant.intents.asked_fact("Jag skickade ett mejl till registrator@kommun.fi, vad säger KANE?") is None


@pytest.mark.parametrize(
    "question", ["Mikä sovellus olisi hyvä asukasraatiin?", "Millä digitaalisella sovelluksella paneeli järjestetään?"]
)
def test_which_app_is_a_product_the_goals_never_name(assistant: Assistant, question: str) -> None:
    assert assistant.intents.asked_fact(question) == "product"
    assert assistant.reply(question).kind == "fallback"


def test_what_the_goals_say_of_apps_is_no_question_of_which_app(assistant: Assistant) -> None:
    assert assistant.intents.asked_fact("Mitä KANE sanoo osallistumissovelluksista?") is None


@pytest.mark.parametrize(
    "question",
    [
        # a partner in love is no partner in cooperation
        "Miten löydän itselleni kumppanin deittisovelluksesta?",
        "Hur hittar jag en partner på en dejtingapp?",
        # help with homework is no help with the bot
        "Kan du hjälpa mig med matteläxan?",
        "Voitko auttaa mun ruotsin kotitehtävissä?",
        "Autatko matikan läksyissä?",
        # nor with an essay or an everyday thing asked of the bot
        "Voitko auttaa mua kirjoittamaan esseen sademetsistä?",
        "Kan du hjälpa mig skriva min uppsats om regnskogen?",
        "Onko teillä hyvää ohjetta piirakkaan?",
        "Kan du hjälpa mig med min skattedeklaration?",
        # an everyday thing as the last part of a compound ("karjalanpiirakoihin", "ohrarieskaan")
        "Olisiko teillä ohjetta mustikkapiirakoihin?",
        "Osaatko neuvoa hyvän ohjeen ohrarieskaan?",
    ],
)
def test_a_private_matter_near_the_goals_words_is_neither_the_bot_help_nor_the_goals(
    assistant: Assistant, question: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("fallback", None)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Saako läksyapua tarjoava järjestö kunnan avustusta?", "goal-1.action-2"),
        ("Borde skolan ge läxor om demokrati?", "goal-2.action-3"),
        ("Mistä näen botin komennot puhelimessa?", "help.capabilities"),
        ("Onko teillä ohjetta botin käyttöön?", "help.capabilities"),  # no everyday part in a compound
        ("Var hittar jag kommandona i mobilen?", "help.capabilities"),
    ],
)
def test_homework_clubs_and_the_bot_on_a_phone_keep_their_answers(
    assistant: Assistant, question: str, entry: str
) -> None:
    assert assistant.reply(question).entry == entry


@pytest.mark.parametrize(
    "question",
    [
        "Kunta ei anna meille tiloja.Se on väärin, mitä KANE sanoo?",  # a missing space is no web address
        "Mitä hyvinvointialue Lappi sanoo järjestöyhteistyöstä?",  # Lappi is no app
        "Mitä hyötyä sovellus tuo osallistumiseen?",  # what an app brings, not which app
        "Voisiko kunta käyttää Kerrokantasi.fi:tä?",  # what a municipality could do is the goals' matter
    ],
)
def test_near_a_named_product_but_no_product_asked(assistant: Assistant, question: str) -> None:
    assert assistant.intents.asked_fact(question) != "product"
    assert assistant.reply(question).kind == "answer"


@pytest.mark.parametrize(
    "question",
    [
        "Miten kunta laskuttaa palveluja hyvinvointialueelta?",  # billing alone is no free premises
        "Voisiko kunta järjestää yhdistyksille treffit valtuutettujen kanssa?",  # a meet-up, not a date
    ],
)
def test_billing_and_meet_ups_keep_their_own_sense(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert reply.entry != "goal-1.action-3" and assistant.intents.asked_fact(question) is None
    # a meet-up is the goals' matter: never the honest reply that the goals give no dates
    assert assistant.message("honest_date", reply.lang) not in reply.text


def test_a_story_about_the_bot_does_not_turn_a_goals_question_into_help(assistant: Assistant) -> None:
    question = (
        "Jag har aldrig använt den här boten. Politikerna och personalen vet inte hur man pratar med föreningarna. "
        "Vad säger målen om att stärka den förmågan?"
    )
    assert not (assistant.reply(question).entry or "").startswith("help.")


@pytest.mark.parametrize(
    "question",
    [
        "En ole koskaan käyttänyt tätä bottia. Mitä /goals tarkoittaa?",
        "Jag lade till boten i vår gruppchatt. Vad betyder det att den bara svarar på omnämnanden?",
    ],
)
def test_a_story_about_the_bot_still_gives_the_help_a_question_about_it_wants(
    assistant: Assistant, question: str
) -> None:
    assert assistant.reply(question).entry == "help.capabilities"


@pytest.mark.parametrize(
    "question",
    [
        "Pitäisikö kaupungin suunnitelmapapereihin kirjata yhteistyö seurojen kanssa ja sitten katsoa, toteutuuko se?",
        "Pittääkö kunnan kirjata se järjestöyhteestyö strategiapapereehin ja sitte vahtia toteutuuko se?",
        # looked at afterwards, whether it came true or succeeded
        "Pitäisikö yhteistyö seurojen kanssa kirjata kuntastrategiaan ja katsoa myöhemmin, onko se toteutunut?",
        "Pitäisikö strategiaan kirjata järjestöt, ja katsotaanko sitten, onnistuiko se?",
    ],
)
def test_watching_whether_a_written_promise_comes_true_is_the_monitoring_goal_1_asks_for(
    assistant: Assistant, question: str
) -> None:
    assert assistant.intents.asked_fact(question) is None
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", "goal-1.action-1")


@pytest.mark.parametrize(
    "question",
    [
        # KANE or the goals watched, or what should ensue: what would follow, which the goals never say
        "Pitäisikö KANEn seurata, toteutuvatko tavoitteet kunnissa?",
        "Mitä jos kunta ei tarkista avustuskäytäntöjä, pitäisikö siitä seurata jotain?",
        "Borde KANE följa upp om kommunerna har genomfört målen?",
        "Pitäisikö KANEn katsoa jälkikäteen, onko se toteutunut?",
        # a matter of no goal watched, or what follows asked too
        "Pitäisikö kunnan seurata, toteutuuko hiilineutraalius?",
        "Pitäisikö kunnan seurata, toteutuuko se ja mitä siitä seuraa?",
    ],
)
def test_who_watches_the_goals_or_what_follows_is_still_no_matter_of_the_goals(
    assistant: Assistant, question: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a place named before or in a relative clause, in a question of what the goals say
        ("Som förening i Vasa, vad säger målen om gratis lokaler?", "goal-1.action-3"),
        ("Yhdistyksemme, joka toimii Tampereella, kysyy mitä KANE sanoo avustuksista.", "goal-1.action-2"),
        ("Turussa, jossa yhdistyksemme toimii, mitä tavoitteet sanovat tiloista?", "goal-1.action-3"),
        ("Mihin tavoitteeseen kuuluu Espoon vanhusneuvosto?", "goal-2"),
        # "any party": what KANE is, or candidates of any party
        ("Är KANE något parti?", "kane"),
        ("Kan kandidater från något parti använda målen i sin kampanj?", "candidates"),
        # certain parties urged to diversity is the candidates' part
        ("Kehottaako KANE tiettyjä puolueita monimuotoisuuteen?", "candidates"),
        # a relative clause inside a question that also names the goals leaves it the goals'
        ("Saako Oulussa yhdistys, jolla ei ole tiloja, tavoitteiden mukaan ilmaiset tilat?", "goal-1.action-3"),
        ("Har föreningar i Vasa, som saknar lokaler, rätt till gratis lokaler enligt målen?", "goal-1.action-3"),
    ],
)
def test_a_place_or_a_party_named_in_passing_leaves_the_goals_question(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # a price, a threshold or a deadline asked in bare keywords
        ("seurantalon vuokra hinta", "amount"),
        ("gymnastiksal hyra pris", "amount"),
        ("Tröskelvärde för upphandling av hemtjänst", "amount"),
        ("kulttuuriavustus hakuaika Oulu", "date"),
        ("föreningsbidrag Vasa sista ansökningsdag", "date"),
        ("valdag kommunalval", "date"),
        # a count asked in dialect ("kuin monta" for "kuinka monta")
        ("Kuin monta jäsentä nuorisovaltuustossa pitää olla?", "amount"),
        # support from the state: the goals name no state source of money
        ("Har staten nåt stöd vi kan söka för en ny bastu?", "funding"),
        # a law asked in dialect, and standing without citizenship
        ("Finns he nån lag på att stan ska ge oss en lokal?", "law"),
        ("Jag är inte finsk medborgare. Får jag ställa upp som kandidat i välfärdsområdesvalet?", "law"),
        # the question after a clause announcing it ("Vielä kysyisin,", "Jag undrar,")
        ("Vielä kysyisin, milloin KANE hyväksyi nämä tavoitteet?", "date"),
        ("Jag undrar, när kommer kommunen att svara oss?", "date"),
        # a time frame; a word of manner inside a phrase; Ostrobothnian "vicken"
        ("Inom vilken tidsram ska kommunerna skriva in föreningarna i strategin?", "date"),
        ("När exakt antogs de här målen?", "date"),
        ("Vicken dag e valet?", "date"),
        # a demonstrative before a name inside a phrase ("se KANE")
        ("Mistä se KANE saa rahoituksensa?", "funding"),
        # a platform by name, singular or plural
        ("Mitä keskustelualustaa KANE suosittelee asukaspaneeleille?", "product"),
        ("Mitä osallistumisalustoja KANE suosittelee?", "product"),
        # whether there is a law ("en lag", "någon lag"; not a sports team's "lag")
        ("Finns det en lag om äldreråd i kommunerna?", "law"),
        ("Finns det någon lag som kräver invånarpaneler?", "law"),
        # who calls a meeting or a cooperation together
        ("Kuka kutsuu kolmikantaisen yhteistyön ryhmän koolle?", "person"),
        ("Vem sammankallar samarbetsgruppen för kommunen och föreningarna?", "person"),
    ],
)
def test_a_fact_asked_in_keywords_or_new_words_is_answered_honestly(
    assistant: Assistant, question: str, fact: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None
    assert assistant.message(f"honest_{fact}", reply.lang) in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Pitäisikö kokoustilojen hinta olla yhdistyksille nolla?", "goal-1.action-3"),
        ("Pitäisikö Oulun kaupungin strategian olla netissä?", "goal-1.action-1"),
    ],
)
def test_what_a_price_or_a_places_document_should_be_stays_the_goals_matter(
    assistant: Assistant, question: str, entry: str
) -> None:
    assert (assistant.reply(question).kind, assistant.reply(question).entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # a question naming its own matter after a goal named is answered as asked, not with the goal whole
        ("Tavoite 3. Mitä siinä sanotaan mielenosoituksista?", "goal-3.action-1"),
        ("Mål 4 gäller medborgarorganisationer. Vad sägs om upphandling där?", "goal-4.action-3"),
        ("KANE on asettanut neljä tavoitetta. Mitä niissä sanotaan avustuksista?", "goal-1.action-2"),
    ],
)
def test_a_question_pointing_back_that_names_its_matter_is_answered_as_asked(
    assistant: Assistant, message: str, entry: str
) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("message", "part"),
    [
        # a question of nothing but "what does it say there" is read with the sentence it points back to
        ("Tavoite neljä mainitsee hankinnat. Mitä siinä sanotaan?", "goal-4"),
        ("Mål två tar upp ungdomsfullmäktige. Vad står det där?", "goal-2"),
        # what it means, in a clause's word order; whether what one heard is true, asked with nothing else
        ("I målet står det deliberativ demokrati. Kan du förklara vad det betyder?", "goal-2"),
        ("Kuulin, että KANE sanoo ehdokkaiden voivan tulla myös vähemmistöistä. Onko totta?", "candidates"),
    ],
)
def test_a_question_pointing_back_is_read_with_its_story(assistant: Assistant, message: str, part: str) -> None:
    reply = assistant.reply(message)
    assert reply.kind == "answer" and reply.entry is not None
    assert reply.entry == part or reply.entry.startswith(f"{part}.")


def test_whether_what_someone_else_said_is_true_is_not_the_goals_to_confirm(assistant: Assistant) -> None:
    # a bare truth check leans on the sentence before only where that tells what KANE, its goals or someone's duty
    # in their world is: what a neighbour said of voting online is no goal's to confirm
    reply = assistant.reply("Naapuri sanoi, että vaaleissa voi äänestää netissä. Pitääkö paikkansa?")
    assert reply.kind == "fallback"


@pytest.mark.parametrize(
    "message",
    [
        # every word found somewhere in some entry, yet sharing almost nothing with any: not a likely answer
        "Mitä siinä tarkalleen sanotaan?",
        # what is said "there", with nothing said before it to point at
        "Mitä siellä oikein sanotaan?",
        # what KANE has said of "such", with nothing before it: no question of what KANE is
        "Onks KANE sanonu jotain tällasest?",
        "Har KANE sagt något om sånt här?",
    ],
)
def test_a_question_of_frame_words_alone_is_no_confident_answer(assistant: Assistant, message: str) -> None:
    assert assistant.reply(message).kind == "fallback"


@pytest.mark.parametrize(
    "question",
    [
        # "in the goals" spoken without its last vowel frames the question as surely as written in full
        "onks näis tavotteis jotain nuorisovaltuustoista?",
        "onks tavoitteis mitää kerhotiloista?",
    ],
)
def test_a_spoken_frame_is_set_aside_like_a_written_one(assistant: Assistant, question: str) -> None:
    evidence = assistant.reader.evidence(question, assistant.reader.search(question))
    assert evidence is not None and evidence.framed
    assert assistant.reply(question).kind == "answer"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # who pays for grants or associations' work: the goals ask municipalities and counties to resource them
        ("Kuka maksaa yhdistysten avustukset?", "goal-1.action-2"),
        ("Vem ska betala understöden till föreningarna?", "goal-1.action-2"),
        # what parties are asked, or the good that follows, is no party's promise nor a consequence unknown
        ("Har partierna ett ansvar för mångfalden bland kandidaterna?", "candidates"),
        ("Mitä seuraa kunnalle, jos se tukee yhdistyksiä?", "goal-1"),
        # a candidate's duty in how they talk, in words of duty alone, is what KANE reminds them of
        ("Eikö ehdokkailla ole velvollisuus pysyä asiallisina vaalitenteissä?", "candidates.dialogue"),
        ("är kandidaterna inte skyldiga att hålla en vänlig ton mot varandra?", "candidates.dialogue"),
        # near the session's new facts, but the goals' matters: what KANE has considered, how candidates are
        # chosen for a diverse list, what to do after election day, which papers grants could do without
        ("Onko KANEssa mietitty vanhusneuvostoja?", "goal-2.action-2"),
        ("Hur väljs kandidaterna så att listan blir mångsidig?", "candidates"),
        ("Vad vill KANE att kandidaterna gör efter valdag?", "candidates.dialogue"),
        ("Vilka papper kan kommunen slopa i bidragsansökan?", "goal-1.action-2"),
        ("Mitä papereita kunnan pitäisi päivittää järjestöyhteistyöstä?", "goal-1.action-1"),
        ("Miten kunta voisi tukea järjestöjä, jotka hakevat avustuksia?", "goal-1.action-2"),
        ("Hur kan de tre parterna samarbeta bättre enligt målen?", "goal-4.action-1"),
        ("Mitä kolmikantainen yhteistyö tarkoittaa?", "goal-4.action-1"),
        (
            "Kun nuorisovaltuuston jäsenet valitaan, miten varmistetaan että he edustavat kaikkia nuoria?",
            "goal-2.action-2",
        ),
    ],
)
def test_near_a_fact_never_given_but_answered_by_the_goals(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Koskevatko KANEn tavoitteet myös Ahvenanmaan kuntia?", "fi"),
        ("Pätevätkö nämä tavoitteet Ahvenanmaalla ollenkaan?", "fi"),
        ("Gäller målen också för kommunerna på Åland?", "sv"),
        ("Omfattas åländska föreningar av det här?", "sv"),
    ],
)
def test_whether_the_goals_apply_on_aland_is_said_plainly(assistant: Assistant, question: str, lang: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.lang, reply.suggest) == ("fallback", lang, "intro")
    assert assistant.message("honest_aland", reply.lang) in reply.text


@pytest.mark.parametrize(
    "question",
    [
        # whom to contact on Åland, "regarding" ("när det gäller") included: routed, or asked where
        "Vem sköter socialvården på Åland?",
        "Vem ska jag kontakta på Åland när det gäller föreningsbidrag?",
        "När det gäller Åland, vem sköter hemtjänsten?",
    ],
)
def test_whom_to_contact_on_aland_is_still_routed(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind in ("route", "clarify")
    assert assistant.message("honest_aland", "sv") not in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a part of the goals named as what applies on Åland: that part answers
        ("Gäller kravet på gratis lokaler också på Åland?", "goal-1.action-3"),
        ("Koskeeko avustusten keventäminen myös Ahvenanmaan yhdistyksiä?", "goal-1.action-2"),
    ],
)
def test_a_part_of_the_goals_asked_of_aland_is_answered_from_that_part(
    assistant: Assistant, question: str, entry: str
) -> None:
    assert (assistant.reply(question).kind, assistant.reply(question).entry) == ("answer", entry)


@pytest.mark.parametrize(
    "question", ["Miten saan yhteyden KANEen?", "Voiko KANEen ottaa yhteyttä sähköpostilla?", "Hur kontaktar jag KANE?"]
)
def test_how_to_reach_kane_is_answered_honestly(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback"
    assert assistant.message("honest_contact", reply.lang) in reply.text


@pytest.mark.parametrize(
    "question",
    [
        # what KANE or the goals say of contacting, KANE wishing for contact, KANE keeping contact
        "Mitä KANE sanoo siitä, miten kunta ottaa yhteyttä järjestöihin?",
        "Vill KANE att kandidaterna håller kontakt med väljarna?",
        "Har KANE kontakt med kommunerna?",
        "Miten minä otan yhteyttä kuntaan KANEn tavoitteiden mukaan?",
    ],
)
def test_contacts_as_a_matter_of_the_goals_are_no_way_to_reach_kane(assistant: Assistant, question: str) -> None:
    assert not assistant.intents.asks_to_reach_kane(question)
    assert assistant.message("honest_contact", assistant.reply(question).lang) not in assistant.reply(question).text


@pytest.mark.parametrize(
    "question",
    [
        "Voiko ehdokkaiden käytös vaikuttaa siihen, kuinka moni äänestää?",
        "Vaikuttaako vaalikampanjan sävy siihen kuinka moni jaksaa lähteä uurnille?",
        "Kan tonen i valdebatten påverka hur många som röstar?",
        "Spelar en saklig ton i kampanjen roll för hur många som går och röstar?",
    ],
)
def test_how_many_as_what_something_affects_is_turnout_not_an_amount(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", "candidates.dialogue")


@pytest.mark.parametrize(
    "question",
    [
        "Kuinka moni äänesti viime kuntavaaleissa?",
        "Vaikuttaako KANE avustuksiin ja paljonko niitä on?",
        "Påverkar KANE kommunerna och hur mycket pengar får föreningarna?",
    ],
)
def test_how_many_asked_in_a_clause_of_its_own_stays_an_unanswered_number(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind == "fallback"


@pytest.mark.parametrize(
    "question",
    [
        "Pitäisikö kunnan budjetoida enemmän euroja pienille seuroille?",
        "Borde staden budgetera mer pengar åt föreningarna?",
        "sku int kommunen kunna ge mera stålar åt byaföreningarna?",
        # enough, as goal 1.2's adequate resources
        "Borde kommunerna sätta av tillräckligt med pengar i budgeten för föreningarna?",
    ],
)
def test_more_money_asked_as_what_should_be_done_is_goal_1_2_not_a_sum(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", "goal-1.action-2")


def test_how_much_more_money_is_still_a_sum_asked(assistant: Assistant) -> None:
    assert assistant.intents.asked_fact("Paljonko enemmän euroja kunnan pitäisi budjetoida seuroille?") == "amount"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # where one read something, or where the goals' own words are written, is no other paper asked for
        ("Missä on kirjoitettu, että järjestöyhteistyö pitää ottaa osaksi strategioita?", "goal-1.action-1"),
        ("Luin jossain netissä KANEsta. Mitä se sanoo strategioista?", "goal-1.action-1"),
        ("Var kan jag läsa att strategin ska följas upp?", "goal-1.action-1"),
        # the goals' own year is the introduction's
        ("Minkä vuoden vaaleihin nämä tavoitteet on tehty?", "intro"),
        ("Vilket år gäller målen för?", "intro"),
        # an app a municipality should have is goal 2's digital services, not a product asked for
        ("Pitäisikö kunnalla olla joku sovellus, jolla asukkaat voivat osallistua?", "goal-2"),
    ],
)
def test_words_near_a_new_fact_in_a_question_the_goals_answer_keep_the_answer(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    "question",
    [
        "Pitäisikö kunnan kehittää palveluja mittausten ja tiedon pohjalta?",
        "Ska vården planeras utifrån fakta och mätningar om vad folk behöver?",
    ],
)
def test_facts_and_measurements_as_the_basis_of_services_are_goal_3_3(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", "goal-3.action-3")


def test_which_metric_is_still_a_measure_the_goals_never_give(assistant: Assistant) -> None:
    assert assistant.intents.asked_fact("Millä mittareilla tavoitteiden toteutumista mitataan?") == "measure"


@pytest.mark.parametrize(
    "question",
    ["Opettaako koulu oppilaille, miten äänestetään?", "Pitäisikö koulussa näyttää lapsille, miten äänestetään?"],
)
def test_how_to_vote_as_what_children_are_taught_is_democracy_education(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", "goal-2.action-3")


@pytest.mark.parametrize(
    "question", ["Miten äänestetään ennakkoon?", "Opettaako kunta yhdistyksille, miten avustusta haetaan?"]
)
def test_how_to_vote_or_apply_asked_itself_stays_a_procedure(assistant: Assistant, question: str) -> None:
    assert assistant.intents.asked_fact(question) == "procedure"


def test_a_follow_up_question_named_as_such_asks_no_consequence(assistant: Assistant) -> None:
    reply = assistant.reply("Tack! En följdfråga: nämns sociala företag när kommunen upphandlar?")
    assert (reply.kind, reply.entry) == ("answer", "goal-4.action-3")


def test_how_we_follow_up_the_cooperation_is_no_question_of_who_monitors(assistant: Assistant) -> None:
    # goal 1's monitoring, done by the asker, is what the goals ask for; who follows up the goals is not said
    asked = "Vad borde vi enligt KANE få med där om organisationerna och hur vi följer upp samarbetet med dem?"
    assert assistant.intents.asked_fact(asked) is None
    assert assistant.intents.asked_fact("Vem följer upp att kommunerna förverkligar målen?") == "consequence"


@pytest.mark.parametrize(
    "question",
    [
        # an everyday matter beside a municipality, an association or a candidate is still everyday: the cap stays
        "Hur kan kommunen spara pengar på skolmaten?",
        "Voiko yhdistys lainata kunnalta rahaa uuteen autoon?",
        "Vilka kläder ska en kandidat ha på sig i valdebatten?",
    ],
)
def test_an_everyday_matter_beside_the_goals_world_is_still_no_answer(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind == "fallback"


@pytest.mark.parametrize(
    "question",
    [
        # who decides who gets a grant or a seat on a council is asked of the municipality, not of a party's list
        "Kuka päättää, ketkä saavat kunnan avustukset?",
        "Vem bestämmer vem som får föreningsbidrag i kommunen?",
        # KANE's course told before, the question's own matter asked of the municipality
        "Osallistuin KANEn koulutukseen viime viikolla. Keneen pitäisi ottaa yhteyttä avustusasioissa?",
    ],
)
def test_whom_to_ask_about_a_matter_beside_kane_or_a_party_stays_a_route(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind in ("route", "clarify")


@pytest.mark.parametrize("question", ["Saanko Kelalta tukea asumiseen?", "Kan jag få stöd från FPA för boendet?"])
def test_a_persons_benefit_from_kela_is_no_grant_of_the_goals(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("fallback", None)


@pytest.mark.parametrize(
    "question",
    [
        "Meidän yhdistys auttaa ihmisiä Kela-asioissa, miten kunta voi tukea meitä?",
        "Vår förening hjälper folk att få stöd från FPA, kan kommunen ge oss bidrag för det?",
    ],
)
def test_kela_in_an_associations_story_keeps_the_goals_answer(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.goal) == ("answer", 1)


def test_goals_taken_forward_elsewhere_is_no_sharing_of_a_goal(assistant: Assistant) -> None:
    # "viety eteenpäin" (put into practice) is not a goal sent on; a report of it is a paper the bot does not have
    reply = assistant.reply("Onko jossain raportti siitä, miten tavoitteita on viety eteenpäin muissa kunnissa?")
    assert reply.kind == "fallback" and reply.entry != "help.share"
    assert assistant.reply("Miten laitan tavoitteen kolme eteenpäin puheenjohtajalle?").entry == "help.share"


def test_saving_on_the_municipalitys_food_services_stays_honest(assistant: Assistant) -> None:
    # food services as a compound are still food: an everyday budget matter, not the goals' savings
    assert assistant.reply("Miten kunta voi säästää rahaa ruokapalveluissa?").kind == "fallback"


@pytest.mark.parametrize(
    "question", ["Onko KANElla mielipidettä sote-uudistuksesta?", "Hur ställer sig KANE till vårdreformen?"]
)
def test_kanes_opinion_of_a_national_reform_is_a_stand_the_goals_never_take(
    assistant: Assistant, question: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and assistant.message("honest_decision", reply.lang) in reply.text


@pytest.mark.parametrize("question", ["Har ni en lista på kandidaterna i Vörå?", "Löytyykö täältä ehdokaslista Iistä?"])
def test_a_list_of_candidates_is_a_fact_the_goals_never_give(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert assistant.message("honest_person", reply.lang) in reply.text


@pytest.mark.parametrize(
    "question",
    [
        # KANE's view of a list of candidates is the candidates' part
        "Vad säger KANE om kandidatlistan?",
        "Meidän puolueen ehdokaslistalla on vain keski-ikäisiä miehiä, mitä KANE sanoo tästä?",
    ],
)
def test_kanes_view_of_a_list_of_candidates_is_the_candidates_part(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).entry == "candidates"


def test_something_else_than_kane_is_no_work_of_kanes(assistant: Assistant) -> None:
    # "eller nåt annat" weighs where an idea came from; the question after it asks the goals
    message = (
        "Jag hörde om en invånarpanel i stan. Vet inte om det är KANE:s idé eller nåt annat. Står det i målen om "
        "sådana paneler?"
    )
    assert assistant.reply(message).entry == "goal-2.action-1"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a booking named beside what should be done is still the goals' matter
        ("Meidän varauksen tila on vieläkin epäselvä – pitäisikö kunnan antaa tiloja maksutta?", "goal-1.action-3"),
        # "ja mitä", "? Entä mitä" open a question of their own, no relative clause of the place's
        ("Onko Espoossa jo asukasraati, ja mitä KANE sanoo asukasraadeista?", "goal-2.action-1"),
        ("Onko Turussa jo vanhusneuvosto? Entä mitä tavoitteissa sanotaan vanhusneuvostoista?", "goal-2.action-2"),
    ],
)
def test_a_question_of_the_goals_beside_a_place_or_a_booking_keeps_its_answer(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a word of a kind of fact in another sense ("järjestelmä", "synpunkter"), KANE's view of a matter, young
        # people losing faith: near the answer threshold, the matter is read
        ("Mikä järjestelmä avustuksissa olisi reilu?", "goal-1.action-2"),
        ("Har KANE egna synpunkter på bidragen?", "goal-1.action-2"),
        ("Vad säger KANE om de unga som förlorar tron på att de kan påverka?", "goal-2.action-2"),
        ("Mitä mieltä KANE on nuorisovaltuustoista?", "goal-2.action-2"),
    ],
)
def test_a_question_of_the_goals_near_the_threshold_is_read_for_its_matter(
    assistant: Assistant, question: str, entry: str
) -> None:
    # answered, or the plain "not sure" with its part offered: never an honest reply about a kind of fact the goals
    # never give, nor what KANE is
    reply = assistant.reply(question)
    if reply.kind == "answer":
        assert reply.entry == entry
    else:
        assert (reply.kind, reply.suggest) == ("fallback", entry)
        assert assistant.message("fallback", reply.lang) in reply.text


@pytest.mark.parametrize(
    "question", ["Käsitelläänkö tavoitteissa vaalirahoitusta?", "Tas det upp något om klimatet i målen?"]
)
def test_whether_the_goals_take_up_a_matter_they_never_name_is_no_answer(assistant: Assistant, question: str) -> None:
    # asking whether a matter is taken up frames the question no more surely than "what do the goals say": a matter
    # the goals never name is still not found in them
    assert assistant.reply(question).kind == "fallback"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # "who" and a verb of being before a role, its compounds too ("kaupunginjohtaja" is a "johtaja")
        ("Kuka on Salon kaupunginjohtaja?", "fi"),
        ("Kuka toimii Salon vanhusneuvoston puheenjohtajana?", "fi"),
        ("Ketkä ovat Tampereen nuorisovaltuuston jäsenet?", "fi"),
        ("kuka meil kunnas o se vammaisneuvoston vetäjä", "fi"),
        ("Vem är servicehandledare på Österbottens välfärdsområde?", "sv"),
        ("Vem ska vara ordförande i ungdomsfullmäktige?", "sv"),
        # "which" right before the role
        ("Vilken tjänsteman i kommunen ska sköta kontakten med föreningarna?", "sv"),
    ],
)
def test_who_holds_a_role_is_a_person_the_goals_never_name(assistant: Assistant, question: str, lang: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.lang == lang and reply.entry is None
    assert assistant.message("honest_person", reply.lang) in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # the role is who the question is about, not whom it asks for
        ("Vem ska ledamöterna föra dialog med?", "goal-3.action-2"),
        ("Mikä on vanhusneuvoston tehtävä?", "goal-2.action-2"),
        # the role in a clause of its own (after "että", "att", or a second who) is not the one asked about
        ("Kuka on vastuussa siitä, että virkailijat osaavat kuunnella järjestöjä?", "goal-3.action-2"),
        ("Vem är det som ska se till att tjänstemännen kan föra dialog med föreningarna?", "goal-3.action-2"),
        # which officials, in the plural, is a group the goals name
        ("Vilka tjänstemän ska få utbildning i dialog enligt KANE?", "goal-3.action-2"),
        ("Mitkä virkailijat tarvitsevat koulutusta vuoropuheluun?", "goal-3.action-2"),
        # whom the goals concern, and what municipalities should do ("kuntien" after a partitive "what")
        ("Mitkä kunnat tavoitteet koskevat?", "intro"),
        ("Mitä kuntien pitäisi kirjata strategioihinsa järjestöistä?", "goal-1.action-1"),
    ],
)
def test_a_role_or_places_named_without_asking_who_or_which_leaves_the_goals_answer(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "answer" and reply.entry == entry


def test_who_holds_a_role_in_one_place_gives_that_places_organisation_and_its_general_contact(
    assistant: Assistant,
) -> None:
    # no one is recorded for Lahti's premises: the goals and the bot name no one, said plainly; the organisation that
    # handles it there, its website and the hand-over are still given, the route kept for the JSON
    reply = assistant.reply("Kuka on se Lahden kaupungin virkailija, joka päättää koulujen tiloista?")
    assert reply.kind == "fallback" and reply.text.startswith(assistant.message("honest_person", "fi"))
    assert reply.route is not None and reply.route["municipality"]["code"] == "398"
    assert reply.route["contacts"] == [] and "lahti.fi" in reply.text
    assert reply.pending is not None and "handoff" in [followup.target for followup in reply.followups]
    assert reply.suggest is not None and reply.suggest in [followup.target for followup in reply.followups]


def test_who_decides_who_the_members_are_stays_a_question_of_whom_to_ask(assistant: Assistant) -> None:
    # the second "who" is a clause of the first: the bot asks back which municipality, as for any "who decides"
    reply = assistant.reply("Kuka on se joka päättää ketkä on vanhusneuvoston jäseniä?")
    assert (reply.kind, reply.clarify) == ("clarify", "municipality")


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("Missä kunnissa on jo kokeiltu asukasraateja?", "honest_which_places"),
        ("mis kunnis on jo nuorisovaltuusto", "honest_which_places"),
        ("Vilka kommuner låter föreningar låna skolans gymnastiksal gratis?", "honest_which_places"),
        ("I vilka städer finns det redan ett ungdomsfullmäktige?", "honest_which_places"),
        ("Vilket välfärdsområde har redan ett fast samarbetsforum med föreningarna?", "honest_which_places"),
        # on Åland, outside the reform, "the goals are the same for every municipality" would be untrue
        ("Vilka kommuner på Åland låter föreningar låna lokaler gratis?", "honest_aland"),
        ("Missä kunnissa Ahvenanmaalla on nuorisovaltuusto?", "honest_aland"),
    ],
)
def test_which_places_already_do_something_is_no_matter_of_the_goals(
    assistant: Assistant, question: str, message: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None
    assert assistant.message(message, reply.lang) in reply.text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # what befalls something if something else happens, words between the "what" and the verb
        ("Mitä meidän kuorolle käy, jos kunta alkaa periä salista vuokraa?", "consequence"),
        ("mitä tapahtu jos yhdistys ei käytäkkää koko avustusta", "consequence"),
        ("Vad händer med vår förening om kommunen drar in bidraget?", "consequence"),
        ("Vad skulle hända med äldrerådet om kommunerna slås ihop?", "consequence"),  # "om" with its subject
        # which of two ways is better, the two named after an "or"
        ("Kumpi olis meidän kylälle parempi, asukasraati vai nettikysely?", "ranking"),
        ("Vilket passar vår förening bättre, verksamhetsbidrag eller projektbidrag?", "ranking"),
        ("Kumpi on tärkeämpää, avoin hallinto vai demokratiakasvatus?", "ranking"),
        ("Vad är bättre, att skriva till fullmäktige eller att träffa tjänstemännen?", "ranking"),
        # where money can be sought or found, before how to apply ("voi hakea"), and after a story of what is
        # needed ("behöver" is no "should")
        ("Mistä meidän kuoro voisi hakea rahoitusta uusiin nuotteihin?", "funding"),
        ("mist me saatais rahaa uuteen laituriin", "funding"),
        ("Var kan en förening söka pengar för att ordna en valdebatt?", "funding"),
        ("Vilka stiftelser kan vi få pengar från till ett nytt tak?", "funding"),
        ("Mistä voi hakea rahaa nuorten kesäleiriin?", "funding"),
        ("Vi är en liten körförening och behöver nya noter. Var hittar man pengar till sånt?", "funding"),
        # the steps of doing something, and how the asker goes about it; a ready model of one's own event
        ("Saako nuorisovaltuuston pystyyn helposti? Mitkä on vaiheet?", "procedure"),
        ("Kuinka kyläilta järjestetään, mitä vaiheita siinä on?", "procedure"),
        ("Hur ska vi gå till väga för att få en plats i äldrerådet?", "procedure"),
        ("Vilka är stegen för att starta ett ungdomsråd i vår kommun?", "procedure"),
        ("Onko KANElla valmista mallia kyläkokouksen järjestämiseen?", "document"),
        # research asked for, what one is paid for taking part, campaigning rules, a party in dialect, another
        # country set beside Finland, a model document: none of them in the goals, however long the story before
        ("Onko tutkimusta siitä, lisäävätkö nuorisovaltuustot nuorten äänestämistä?", "statistics"),
        ("Finns det forskning om hur äldreråd påverkar besluten?", "statistics"),
        ("Vi har blivit inbjudna till välfärdsområdets arbetsgrupp. Vad får vi i ersättning för det?", "amount"),
        ("Saako ehdokas kampanjoida kirjaston aulassa?", "law"),
        ("Vicket parti ha gjort mest för föreningarna här?", "party"),
        ("Miten Suomi pärjää verrattuna Viroon avoimessa hallinnossa?", "comparison"),
        ("Hur ligger Finland till jämfört med Estland när det gäller öppen förvaltning?", "comparison"),
        ("Onko olemassa malliasiakirjaa kumppanuussopimukselle?", "document"),
    ],
)
def test_what_would_follow_which_is_better_money_steps_and_research_are_not_in_the_goals(
    assistant: Assistant, question: str, kind: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None
    assert assistant.message(f"honest_{kind}", reply.lang) in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # what good follows is the goals' reason; which goal, of two, they answer
        ("Mitä hyvää siitä seuraa, jos ihmiset pääsevät vaikuttamaan omaa elämäänsä koskeviin päätöksiin?", "goal-2"),
        ("Kumpi tavoite puhuu ilmaisista tiloista paremmin, ykkönen vai kakkonen?", "goal-1.action-3"),
        # "vår" (our) is no "var" (where); money the goals speak of, and what a municipality should do, are theirs
        ("Kan vår kör få pengar av staden varje år utan så mycket pappersarbete?", "goal-1.action-2"),
        ("Var i målen står det om pengar till föreningar?", "goal-1.action-2"),
        # question words that only look mended: one word, services described, a reason's "koska", a typo read through
        ("Mitenkään en ymmärrä, mitä tavoite 2 tarkoittaa.", "goal-2"),
        ("Voisiko hyvinvointialueen esite kertoa vertaistuesta selkeämmin?", "goal-4.action-2"),
        ("Koska meillä ei oo tiloja, mitä tavoitteet sanoo?", "goal-1.action-3"),
        ("Montakko tavoitetta on?", "intro"),
    ],
)
def test_near_this_sessions_facts_the_goals_keep_their_answer(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "answer" and reply.entry == entry


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Missä vaiheessa elämää demokratiakasvatusta pitäisi antaa?", "procedure"),  # at which stage, no step
        ("Kumpi tavoitteista puhuu paremmin avustuksista, ensimmäinen vai neljäs?", "ranking"),  # which goal
    ],
)
def test_a_stage_or_a_goal_of_two_is_no_such_fact(assistant: Assistant, question: str, kind: str) -> None:
    assert assistant.message(f"honest_{kind}", "fi") not in assistant.reply(question).text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # a party named in any case ("kokoomuksessa", "SDP:n", "SFP:s"); KANE's own candidates; whom to vote for
        ("Mitä mieltä kokoomuksessa ollaan ilmaisista tiloista?", "party"),
        ("Mikä on SDP:n linja avustuksiin?", "party"),
        ("Vad tycker SFP:s fullmäktigegrupp om äldrerådet?", "party"),
        ("Onko KANElla omia ehdokkaita vaaleissa?", "party"),
        ("Ketä KANE käskee äänestää?", "party"),
        ("Vem säger KANE att man ska rösta på?", "party"),
        # which system, course or book by name, even as what should be done
        ("Mitä tietojärjestelmää hyvinvointialueen kannattaa käyttää tiedonkulkuun?", "product"),
        ("Vilken kurs borde tjänstemännen gå för att lära sig dialog?", "product"),
        ("Mikä kurssi valtuutettujen pitäisi käydä?", "product"),
        ("Vilken bok rekommenderar ni för demokratifostran?", "product"),
        ("Vilka böcker finns om demokratifostran?", "product"),
        # whether one must belong to a party, whether anyone may stand, whether someone may vote
        ("Pitääkö olla jonkin puolueen jäsen, jos haluaa ehdolle?", "law"),
        ("Behöver man vara partimedlem för att ställa upp?", "law"),
        ("Voiko kuka tahansa asettua ehdolle aluevaaleissa?", "law"),
        ("Saako opiskelija ulkomailta äänestää kuntavaaleissa?", "law"),
        ("Får en utländsk student rösta i välfärdsområdesvalet?", "law"),
        # in which place something already is
        ("Missä kunnassa on jo nuorisovaltuusto?", "which_places"),
        # when: Swedish "när" with its verb, opening the question or its last clause; Finnish "koska" unasked
        ("När börjar Esbo använda invånarbudget?", "date"),
        ("Hinner vår kör vara med, när börjar panelen?", "date"),
        ("vem skrev målen och när antogs de", "date"),
        ("koska kunta päättää et saadaanko me tila", "date"),
        # question words typed together with the next word, or with one typo
        ("mitenhaetaan avustusta kunnalta", "procedure"),
        ("Hur mykcet får föreningarna i bidrag?", "amount"),
        ("paljonkko kaupunki antaa seuroille", "amount"),
        # a brochure of the goals; a curriculum
        ("Onko tavoitteista olemassa esite englanniksi?", "document"),
        ("Vad säger läroplanen om demokratifostran?", "document"),
        # what a condition would force or cost; which of two, "kumpi" needing no "vai"
        ("Jos kunta lopettaa avustukset, joutuuko seura lopettamaan toimintansa?", "consequence"),
        ("Om vår kör kritiserar kommunen, kan vi förlora lokalen?", "consequence"),
        ("Kumpi ois parempi meidän kylälle?", "ranking"),
        ("Kumpi on meiän kylälle parempi, asukasraati tai paneeli?", "ranking"),
    ],
)
def test_this_sessions_facts_the_goals_never_give(assistant: Assistant, question: str, kind: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None
    assert assistant.message(f"honest_{kind}", reply.lang) in reply.text


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Har Borgå stad redan beslutat att föreningarna ska få lokaler gratis?", "Borgå"),  # what was decided
        ("Vad har Vasa gjort för att invånarna ska kunna påverka?", "Vasa"),  # a Swedish perfect anywhere
        ("Aikooko Kotka antaa seuroille ilmaiset vuorot?", "Kotka"),  # what it intends
    ],
)
def test_what_one_place_has_decided_done_or_intends_is_not_in_the_goals(
    assistant: Assistant, question: str, place: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "fallback" and reply.entry is None
    assert assistant.message("honest_place", reply.lang, place=place) in reply.text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("När kommunen stänger vår lokal, vad säger målen om det?", "date"),  # "när" saying when, not asking
        ("När föreningar saknar lokaler borde kommunen hjälpa dem?", "date"),  # its subject after "när"
        ("Koska järjestöt tekevät paljon hyvää kuntien pitäisi tukea niitä enemmän", "date"),  # a reason, unasked
        ("Hur får vi fler unga att rösta?", "law"),  # getting others to vote, not who may
        ("Kuka tahansa voi lähteä ehdolle, mutta miksi järjestöihmisten kannattaisi?", "law"),  # asks why
        ("Pitäisikö yhdistysaktiivien lähteä ehdolle?", "law"),  # whether they should stand: the candidates' part
        ("Pitäisikö puolueiden valita omat ehdokkaat monipuolisemmin?", "party"),  # the parties' own, as urged
        ("Miten nuorille saadaan viesti et pitäis äänestää?", "party"),  # that one should vote, not for whom
        ("Vilken kurs styr kommunen på i föreningsfrågor?", "product"),  # a heading, no course
        ("Vilken kurs tar kommunen nu när det gäller föreningarna?", "product"),
        ("Mikä tavoite koskee kursseja?", "product"),  # which goal
        ("Hur kan Vasa stad ha nytta av KANE:s mål?", "place"),  # what a place could gain: the goals'
        ("Montakko tavoitetta on?", "amount"),  # the number of goals, a typo read through
        ("Onko esite hyvä tapa kuvata järjestöjen palveluja asukkaille?", "document"),  # services described
        ("Om vi förlorar vår lokal, hur borde kommunen hjälpa oss?", "consequence"),  # the loss is the condition
        ("Kumpi tavoite on paras?", "ranking"),  # which goal, theirs to answer
        ("Vad säger målen om vår förening och kommunen?", "consequence"),  # "om vår" as "about"
    ],
)
def test_near_this_sessions_facts_no_such_fact_is_said_missing(assistant: Assistant, question: str, kind: str) -> None:
    reply = assistant.reply(question)
    assert assistant.message(f"honest_{kind}", reply.lang, place="").split("(")[0] not in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Jag undrar, vad säger målen om gratis lokaler?", "goal-1.action-3"),  # announced, asking the goals
        ("Haluan tietää, mitä tavoitteet sanovat avustusten hakemisesta.", "goal-1.action-2"),
        ("Mitä tavoitteet sanovat osallistumisalustoista?", "goal-2.action-1"),  # what they say of platforms
        ("Har vårt lag rätt till gratis istid enligt målen?", "goal-1.action-3"),  # a team, no law
        ("Vi har en lag som spelar innebandy, kan kommunen ge oss lokaler?", "goal-1.action-3"),  # a learner's team
        ("är de lagstadgade råden till nytta enligt målen", "goal-2.action-2"),  # the goals' own statutory councils
    ],
)
def test_near_the_announced_questions_the_goals_keep_their_answer(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)
