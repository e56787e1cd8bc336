# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The tender fixtures of tests/data, and notices made from them."""
from pathlib import Path

DATA = Path(__file__).parent / 'data'
TENDERS = DATA / 'tenders'
CPV_SUBSET = DATA / 'cpv' / 'cpv_social-service-cpv-subset.gc'


def fixture(path):
    "(name, bytes) of the file `path` under tests/data/tenders."
    return path, (TENDERS / path).read_bytes()


def fixtures():
    "Every tender fixture, as (name, bytes), in a stable order."
    return [(str(p.relative_to(TENDERS)), p.read_bytes())
        for p in sorted(TENDERS.glob('*/*'))
        if p.suffix in {'.xml', '.json'}]


LOT = '''<cac:ProcurementProjectLot>
  <cbc:ID schemeName="Lot">LOT-{n:04d}</cbc:ID>
  <cac:TenderingProcess>
    <cac:TenderSubmissionDeadlinePeriod>
      <cbc:EndDate>2027-{month:02d}-{day:02d}+01:00</cbc:EndDate>
      <cbc:EndTime>12:00:00+01:00</cbc:EndTime>
    </cac:TenderSubmissionDeadlinePeriod>
  </cac:TenderingProcess>
  <cac:ProcurementProject>
    <cbc:Name languageID="ENG">Lot {n}</cbc:Name>
    <cbc:Name languageID="SWE">Delkontrakt {n}</cbc:Name>
    <cac:RequestedTenderTotal>
      <cbc:EstimatedOverallContractAmount currencyID="SEK"
        >{value}</cbc:EstimatedOverallContractAmount>
    </cac:RequestedTenderTotal>
    <cac:MainCommodityClassification>
      <cbc:ItemClassificationCode listName="cpv"
        >{cpv}</cbc:ItemClassificationCode>
    </cac:MainCommodityClassification>
    <cac:AdditionalCommodityClassification>
      <cbc:ItemClassificationCode listName="cpv"
        >85140000</cbc:ItemClassificationCode>
    </cac:AdditionalCommodityClassification>
  </cac:ProcurementProject>
</cac:ProcurementProjectLot>
'''


def generated_notice(lots=100, root='ContractNotice', scheme='Lot',
        cpvs=('85141000', '79624000', '80110000'), month=1,
        publication=None):
    """The converted Uppsala notice (ted-converted/21-364236) with an
    English title before the Swedish one and its lot replaced by `lots`
    lots, their main CPV codes taken in turn from `cpvs` and their
    deadlines in `month` of 2027; `root` and `scheme` make it a prior
    information notice, `publication` replaces its publication number."""
    text = (TENDERS / 'ted-converted' / '21-364236-001-EXP.xml').read_text(
        encoding='utf-8')
    start = text.index('<cac:ProcurementProjectLot>')
    end = text.index('</cac:ProcurementProjectLot>') + len(
        '</cac:ProcurementProjectLot>')
    body = ''.join(LOT.format(n=n, day=1 + n % 28, value=1000 * n,
            month=month, cpv=cpvs[n % len(cpvs)])
        for n in range(1, lots + 1))
    text = text[:start] + body + text[end:]
    swedish = '<cbc:Name languageID="SWE">Laboratorieinredning'
    text = text.replace(swedish,
        '<cbc:Name languageID="ENG">Laboratory furniture</cbc:Name>'
        + swedish, 1)
    text = text.replace('schemeName="Lot"', f'schemeName="{scheme}"')
    if publication:
        text = text.replace('>352907-2021<', f'>{publication}<')
    text = text.replace('<ContractNotice', f'<{root}').replace(
        '</ContractNotice>', f'</{root}>').replace(
        'xsd:ContractNotice-2', f'xsd:{root}-2')
    return text.encode('utf-8')
